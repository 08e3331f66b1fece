/**
 * Property values as the engine sends them to a provider plugin: plain JSON,
 * except secrets, which arrive wrapped (`{ [SIG]: SECRET_SIG, value }`) since
 * the plugin accepts them. The lifecycle code works on plain values; the
 * plugin unwraps what comes in and wraps again what goes out.
 */

/** The key that marks a special value (Pulumi's RPC signature key). */
export const SIG = "4dabf18193072939515e22adb298388d";
/** The signature of a secret. */
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

function isSecret(value: unknown): value is { value?: unknown; plaintext?: string } {
  return typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG] === SECRET_SIG;
}

/**
 * A value with every secret inside it unwrapped: as the engine sends them to
 * a plugin (`value`), and as `pulumi stack export --show-secrets` writes them
 * (`plaintext`, the value's JSON). One function, so every reader of secrets
 * (the plugin, recovery) sees the same values.
 */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(typeof value.plaintext === "string" ? JSON.parse(value.plaintext) : value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  }
  return value;
}

/** True when the value is, or holds, a secret. */
export function holdsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  // A list is an object too: its items are its values.
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsSecret);
  return false;
}

/** Properties unwrapped, and the names of those that held a secret. */
export function unwrap(props: Record<string, unknown> | undefined): { values: Record<string, unknown>; secret: Set<string> } {
  const values: Record<string, unknown> = {};
  const secret = new Set<string>();
  for (const [key, value] of Object.entries(props ?? {})) {
    if (holdsSecret(value)) secret.add(key);
    values[key] = reveal(value);
  }
  return { values, secret };
}

/** Wraps a value as a secret. */
export function secretOf(value: unknown): Record<string, unknown> {
  return { [SIG]: SECRET_SIG, value };
}

/**
 * Properties ready for the engine: the named ones wrapped as secrets, the
 * dynamic provider's `__provider` and every `undefined` left out (neither
 * means anything to the engine; protobuf cannot carry `undefined`).
 */
export function wrap(props: Record<string, unknown>, secret: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === "__provider" || value === undefined) continue;
    const plain = JSON.parse(JSON.stringify(value)) as unknown;
    out[key] = secret.has(key) ? secretOf(plain) : plain;
  }
  return out;
}
