import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/** A parsed OpenAPI document (or part of one). */
export type Json = Record<string, any>;

/** One OpenAPI file: as written (local `$ref`s made absolute) and as Ajv should read it. */
export interface LoadedSpec {
  /** The `$id` its schemas are registered under: `<id>#/components/...`. */
  id: string;
  /** The document with every local `$ref` made absolute, so sub-schemas compile alone. */
  doc: Json;
  /** The components for Ajv: the same, with each discriminated `oneOf` turned into a choice (see {@link choose}). */
  ajvComponents: Json;
}

/** Loads an OpenAPI file from test/fixtures. */
export function loadSpec(file: string, id: string): LoadedSpec {
  const raw: unknown = parse(readFileSync(join(__dirname, "..", "fixtures", file), "utf8"));
  const doc = rewrite(raw, id, false) as Json;
  return { id, doc, ajvComponents: rewrite((raw as Json).components, id, true) as Json };
}

function rewrite(node: unknown, id: string, forAjv: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => rewrite(n, id, forAjv));
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#/") ? `${id}${v}` : rewrite(v, id, forAjv);
  }
  const mapping = out.discriminator?.mapping as Record<string, unknown> | undefined;
  if (mapping) {
    for (const [value, target] of Object.entries(mapping)) {
      if (typeof target === "string" && target.startsWith("#/")) mapping[value] = `${id}${target}`;
    }
  }
  return forAjv && out.oneOf && mapping ? choose(out) : out;
}

/**
 * A `oneOf` with a discriminator, as Ajv can check it. Plain `oneOf` fails
 * here: the Numbers file's variants (RTC, EST, FAX) all accept any object with
 * a `type`, so more than one always matches. Ajv's own `discriminator` option
 * refuses `mapping`. So: when the discriminator property is present it must be
 * a mapped value and picks its schema; when absent, the plain `oneOf` decides.
 */
function choose(node: Json): Json {
  const { oneOf, discriminator, ...rest } = node;
  const property: string = discriminator.propertyName;
  const mapping = discriminator.mapping as Record<string, string>;
  return {
    ...rest,
    anyOf: [
      { not: { required: [property] }, oneOf },
      ...Object.entries(mapping).map(([value, target]) => ({
        required: [property],
        properties: { [property]: { const: value } },
        allOf: [{ $ref: target }],
      })),
    ],
  };
}

/**
 * Where a body holds a property its schema does not document, following
 * `$ref`, `allOf`, array `items` and discriminated `oneOf` (the variant the
 * discriminator names, else every variant). For a request, a property marked
 * `readOnly` (on itself or on what it refers to) counts as not documented too.
 */
export function undocumentedProperties(specs: readonly LoadedSpec[], schema: Json, body: unknown, request: boolean): string[] {
  const out: string[] = [];
  walk(specs, [schema], body, "", request, out);
  return out;
}

function walk(specs: readonly LoadedSpec[], schemas: Json[], value: unknown, at: string, request: boolean, out: string[]): void {
  if (value === null || typeof value !== "object") return;
  const parts = schemas.flatMap((s) => flatten(specs, s, value));
  if (Array.isArray(value)) {
    const items = parts.map((p) => p.items).filter((i): i is Json => !!i && typeof i === "object");
    if (items.length > 0) {
      for (const [i, v] of value.entries()) walk(specs, items, v, `${at}[${i}]`, request, out);
    }
    return;
  }
  const properties = new Map<string, Json[]>();
  for (const part of parts) {
    for (const [name, property] of Object.entries((part.properties ?? {}) as Json)) {
      properties.set(name, [...(properties.get(name) ?? []), property]);
    }
  }
  const open = parts.some((p) => p.additionalProperties !== undefined && p.additionalProperties !== false);
  for (const [name, child] of Object.entries(value)) {
    const path = at ? `${at}.${name}` : name;
    const defined = properties.get(name);
    if (!defined) {
      if (!open) out.push(path);
    } else if (request && defined.some((d) => flatten(specs, d, child).some((p) => p.readOnly === true))) {
      out.push(path);
    } else {
      walk(specs, defined, child, path, request, out);
    }
  }
}

/** A schema and everything it is made of for this value: its `$ref` target, `allOf` members, the chosen `oneOf` variant. */
function flatten(specs: readonly LoadedSpec[], schema: Json, value: unknown): Json[] {
  const parts: Json[] = [schema];
  if (typeof schema.$ref === "string") parts.push(...flatten(specs, resolve(specs, schema.$ref), value));
  for (const member of (schema.allOf ?? []) as Json[]) parts.push(...flatten(specs, member, value));
  const variants = (schema.oneOf ?? schema.anyOf ?? []) as Json[];
  const property = schema.discriminator?.propertyName as string | undefined;
  const chosen = property && value && typeof value === "object" ? schema.discriminator.mapping?.[(value as Json)[property]] : undefined;
  if (typeof chosen === "string") parts.push(...flatten(specs, resolve(specs, chosen), value));
  else for (const variant of variants) parts.push(...flatten(specs, variant, value));
  return parts;
}

/** The schema an absolute reference (`sinch#/…`) points at. */
function resolve(specs: readonly LoadedSpec[], ref: string): Json {
  const hash = ref.indexOf("#");
  const spec = specs.find((s) => s.id === ref.slice(0, hash));
  let node: any = spec?.doc;
  for (const part of ref.slice(hash + 2).split("/")) node = node?.[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  if (!node || typeof node !== "object") throw new Error(`unresolved $ref ${ref}`);
  return node as Json;
}
