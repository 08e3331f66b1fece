import type { z } from "zod";
import { closestName } from "./suggest";
import { maskWebhook } from "./webhook";

/**
 * One field of a resource, stated once: validation, diff, the request bodies,
 * the README's inputs table and the provider schema all derive from it.
 */
export interface FieldSpec {
  /**
   * `api`: a field of the API object, sent in its request bodies.
   * `input`: read only by the provider (the project, what to adopt).
   */
  kind: "api" | "input";
  /** Validates a given value; the first issue's message follows the field's name in the failure. */
  schema: z.ZodType;
  /** Filled in by `check` when the field is not given: the declared state is explicit. */
  default?: unknown;
  /** Without a default: leaving it out clears it, which a request sends as {@link CLEARED}. */
  clearable?: boolean;
  /** A change cannot be made in place: the resource is replaced. */
  replaces?: boolean;
  /** Must be given. */
  required?: boolean;
  /** The provider schema's name of the object type of this field's values (or of a list's items). */
  typeName?: string;
  /**
   * May hold a credential: a failure names no property (the engine would print
   * the value) and shows the value with any password masked.
   */
  sensitive?: boolean;
  /** Whether the current value (as the API reports it) already is the desired one; strict equality when absent. */
  same?: (current: unknown, desired: unknown) => boolean;
  /** What the field is, for people (README, schema, editor hover). */
  doc: string;
  /** Its limits, in words (README). */
  limits: string;
  /** The default in words, where it is not a plain value (README). */
  defaultText?: string;
}

/** A resource's fields, in the order the API documents them. */
export type FieldTable = Readonly<Record<string, FieldSpec>>;

/** An output a resource has besides its inputs (what Sinch reports, what the provider records). */
export interface OutputSpec {
  /** The values it holds (the provider schema's type derives from it). */
  schema: z.ZodType;
  /** What it is, for people. */
  doc: string;
  /** The provider schema's name of its object type (or of a list's items). */
  typeName?: string;
  /** Always present once the resource exists. */
  always?: boolean;
}

/** A resource's outputs besides its inputs. */
export type OutputTable = Readonly<Record<string, OutputSpec>>;

/** A resource as both front doors serve it: what it is, its inputs and its other outputs. */
export interface ResourceSpec {
  doc: string;
  fields: FieldTable;
  outputs: OutputTable;
}

/** What a request sends to clear a field without a default: the API's strings are not nullable. */
export const CLEARED = "";

/** The engine's placeholder for a value not known during preview (pulumi/pulumi#6310). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for the engine's unknown-value placeholder. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when the value is, or holds anywhere within it (a list's item, an object's field), the unknown-value placeholder. */
export function hasUnknown(value: unknown): boolean {
  // A list is an object too: its items are its values.
  if (value !== null && typeof value === "object") return Object.values(value).some(hasUnknown);
  return isUnknown(value);
}

/** The names of a table's fields of one kind, in order. */
export function fieldNames<T extends FieldTable>(table: T, kind: FieldSpec["kind"]): Array<keyof T & string> {
  // Stryker disable next-line OptionalChaining: the names come from the table itself
  return Object.keys(table).filter((name) => table[name]?.kind === kind);
}

/** Every documented default of a table. */
export function defaultsOf(table: FieldTable): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) if (spec.default !== undefined) defaults[name] = spec.default;
  return defaults;
}

/** A problem with one input, as `check` reports it to the engine (`property` empty: the engine prints no value). */
export interface InputFailure {
  property: string;
  reason: string;
}

/**
 * Validates inputs field by field, with no API call (defaults are left out:
 * see {@link withTableDefaults}). Values unknown during preview pass through unchecked;
 * `undefined` and `null` mean "not given"; `ignored` keys (the engine's and
 * the resource's own) are skipped. An input the table does not have is a
 * failure that names the closest one.
 */
export function checkFields(
  table: FieldTable,
  resource: string,
  news: Record<string, unknown>,
  ignored: ReadonlySet<string> = new Set(),
): { inputs: Record<string, unknown>; failures: InputFailure[] } {
  const failures: InputFailure[] = [];
  const inputs: Record<string, unknown> = {};
  const names = Object.keys(table);
  for (const [property, value] of Object.entries(news)) {
    if (ignored.has(property) || value === undefined || value === null) continue;
    const spec = table[property];
    if (!spec) {
      const suggestion = closestName(property, names);
      const hint = suggestion ? `; did you mean "${suggestion}"?` : ` (its inputs: ${names.join(", ")})`;
      failures.push({ property: "", reason: `"${property}" is not an input of ${resource}${hint}` });
      continue;
    }
    // Checked once known, at `up`: a list with one unknown item is no list of valid items yet.
    if (hasUnknown(value)) {
      inputs[property] = value;
      continue;
    }
    const result = spec.schema.safeParse(value);
    if (!result.success) {
      // Stryker disable next-line OptionalChaining: a failed parse always has an issue
      const reason = `${property} ${result.error.issues[0]?.message} (got ${describeValue(value)})`;
      failures.push({ property: spec.sensitive ? "" : property, reason });
      continue;
    }
    // The schema's output: defaults within a value (a list item's) are filled in too.
    inputs[property] = result.data;
  }
  for (const [name, spec] of Object.entries(table)) {
    if (spec.required && (news[name] === undefined || news[name] === null))
      failures.push({ property: name, reason: `${name} is required` });
  }
  return { inputs, failures };
}

/** The inputs with every documented default of the table filled in where no value was given. */
export function withTableDefaults<T extends Record<string, unknown>>(table: FieldTable, inputs: T): T {
  const filled: Record<string, unknown> = { ...inputs };
  for (const [field, value] of Object.entries(defaultsOf(table))) filled[field] ??= value;
  return filled as T;
}

/** The `api` fields whose desired value differs from the current one (a desired value not known yet, even in part, counts as a change). */
export function changedFields<T extends FieldTable>(
  table: T,
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): Array<ApiFieldOf<T>> {
  return (fieldNames(table, "api") as Array<ApiFieldOf<T>>).filter((field) => {
    const want = desired[field];
    if (hasUnknown(want)) return true;
    // Stryker disable next-line OptionalChaining: the field comes from the table itself
    const same = table[field]?.same;
    return same ? !same(current[field], want) : current[field] !== want;
  });
}

/** The fields whose change replaces the resource and that differ (or are not known yet). */
export function replacingFields(table: FieldTable, current: Record<string, unknown>, desired: Record<string, unknown>): string[] {
  return Object.entries(table)
    .filter(([name, spec]) => spec.replaces && (isUnknown(desired[name]) || desired[name] !== current[name]))
    .map(([name]) => name);
}

/**
 * The body that takes the current object to the desired one: exactly the
 * changed `api` fields (except those in `skip`), a removed field without a
 * default sent as {@link CLEARED}.
 */
export function patchBody(
  table: FieldTable,
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
  skip: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of changedFields(table, current, desired)) {
    if (skip.has(field)) continue;
    if (desired[field] !== undefined) {
      body[field] = desired[field];
      continue;
    }
    // Stryker disable next-line OptionalChaining: the field comes from the table itself
    if (table[field]?.clearable) body[field] = CLEARED;
  }
  return body;
}

/** The body of a create: every `api` field that has a value. */
export function createBodyOf(table: FieldTable, desired: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of fieldNames(table, "api")) if (desired[field] !== undefined) body[field] = desired[field];
  return body;
}

/** The README's inputs table of a resource: input, limits, default. */
export function inputsTable(table: FieldTable): string {
  const rows = Object.entries(table).map(([name, spec]) => {
    const fallback =
      spec.defaultText ?? (spec.required ? "required" : spec.default === undefined ? "none" : `\`${JSON.stringify(spec.default)}\``);
    return `| \`${name}\` | ${spec.doc} | ${spec.limits} | ${fallback} |`;
  });
  return ["| input | what | limits | default |", "|---|---|---|---|", ...rows].join("\n");
}

/** A value as failures show it: short, and never with a password. */
function describeValue(value: unknown): string {
  if (typeof value === "string") {
    const shown = maskWebhook(value);
    return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 77)}...` : shown);
  }
  if (Array.isArray(value)) return "a list";
  // A null never gets here: checkFields takes it for a field not given.
  if (typeof value === "object") return "an object";
  return String(value);
}

type Keys<T extends FieldTable, Kind extends FieldSpec["kind"]> = {
  [K in keyof T]: T[K]["kind"] extends Kind ? K : never;
}[keyof T];
type WithDefault<T extends FieldTable> = { [K in keyof T]: T[K] extends { default: unknown } ? K : never }[keyof T];
type Value<S extends FieldSpec> = z.infer<S["schema"]>;

/** The name of one of a table's `api` fields. */
export type ApiFieldOf<T extends FieldTable> = Keys<T, "api"> & string;

/** A request body of a table's `api` fields: any of them (a clearable one as {@link CLEARED} too). */
export type BodyOf<T extends FieldTable> = { [K in Keys<T, "api">]?: Value<T[K]> };

/** The `api` fields after `check`: those with a default always present, the others when given. */
export type DesiredOf<T extends FieldTable> = { [K in Extract<Keys<T, "api">, WithDefault<T>>]: Value<T[K]> } & {
  [K in Exclude<Keys<T, "api">, WithDefault<T>>]?: Value<T[K]>;
};

/** The documented defaults of a table's `api` fields. */
export type DefaultsOf<T extends FieldTable> = { [K in Extract<Keys<T, "api">, WithDefault<T>>]: Value<T[K]> };
