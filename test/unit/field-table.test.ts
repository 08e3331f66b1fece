import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { FaxServiceArgs } from "../../provider";
import { FAX_EMAIL_FIELDS, sameNumbers } from "../../provider/fields/fax-email";
import { FAX_SERVICE_FIELDS } from "../../provider/fields/fax-service";
import {
  CLEARED,
  changedFields,
  checkFields,
  createBodyOf,
  defaultsOf,
  type FieldTable,
  inputsTable,
  patchBody,
  replacingFields,
  UNKNOWN,
  withTableDefaults,
} from "../../provider/fields/table";

const table = {
  title: { kind: "api", schema: z.string({ error: "must be a string" }), default: "T", doc: "d", limits: "l" },
  note: { kind: "api", schema: z.string(), clearable: true, doc: "d", limits: "l" },
  url: {
    kind: "api",
    schema: z.url({ error: "must be a URL" }),
    clearable: true,
    sensitive: true,
    same: (a, b) => String(a).toLowerCase() === String(b).toLowerCase(),
    doc: "d",
    limits: "l",
  },
  home: { kind: "input", schema: z.string(), replaces: true, doc: "d", limits: "l" },
} as const satisfies FieldTable;

describe("a field table's derived operations", () => {
  test("check: unknown values, unknown inputs with a suggestion, sensitive failures name no property; defaults filled in apart", () => {
    const { inputs, failures } = checkFields(
      table,
      "Thing",
      { titel: "x", url: "not a url", note: UNKNOWN, skipme: 1 },
      new Set(["skipme"]),
    );
    expect(inputs).toEqual({ note: UNKNOWN });
    expect(withTableDefaults(table, inputs)).toEqual({ title: "T", note: UNKNOWN });
    expect(withTableDefaults(table, { title: "given", note: "n" })).toEqual({ title: "given", note: "n" });
    expect(failures).toEqual([
      { property: "", reason: '"titel" is not an input of Thing; did you mean "title"?' },
      { property: "", reason: 'url must be a URL (got "not a url")' },
    ]);
  });

  test("check: a list or an object holding a value not known yet (a preview) passes as given, to be checked at up", () => {
    const lists = { phoneNumbers: FAX_EMAIL_FIELDS.phoneNumbers } as const satisfies FieldTable;
    for (const value of [[UNKNOWN], [{ number: UNKNOWN }], [{ number: "+15551230000" }, UNKNOWN]]) {
      expect(checkFields(lists, "FaxEmail", { phoneNumbers: value })).toEqual({ inputs: { phoneNumbers: value }, failures: [] });
    }
    // Once known, the same list is checked; a list holding nulls is known, and checked as it is.
    expect(checkFields(lists, "FaxEmail", { phoneNumbers: [{ number: "5551230000" }] }).failures).toHaveLength(1);
    expect(checkFields(lists, "FaxEmail", { phoneNumbers: [null, { number: null }] }).failures).toHaveLength(1);
  });

  test("check: a long value is shown cut to 80 characters; a required field given as null is missing", () => {
    const numbers = { n: { kind: "api", schema: z.number({ error: "must be a number" }), doc: "d", limits: "l" } } as const;
    const reason = (value: string) => checkFields(numbers, "T", { n: value }).failures[0]?.reason;
    expect(reason("x".repeat(81))).toBe(`n must be a number (got "${"x".repeat(77)}...")`);
    expect(reason("x".repeat(80))).toBe(`n must be a number (got "${"x".repeat(80)}")`);
    const required = { ...table, home: { ...table.home, required: true } } as const satisfies FieldTable;
    expect(checkFields(required, "Thing", { home: null }).failures).toEqual([{ property: "home", reason: "home is required" }]);
    expect(checkFields(required, "Thing", { home: "h" }).failures).toEqual([]);
    // null and undefined are "not given": no failure for an optional field.
    expect(checkFields(numbers, "T", { n: null }).failures).toEqual([]);
    expect(checkFields(numbers, "T", { n: undefined })).toEqual({ inputs: {}, failures: [] });
  });

  test("diff: the comparator of a field, unknown values count as changes, only api fields", () => {
    expect(changedFields(table, { title: "T", url: "HTTPS://X" }, { title: "T", url: "https://x" })).toEqual([]);
    expect(changedFields(table, { title: "T" }, { title: UNKNOWN })).toEqual(["title"]);
    // A list or an object holding an unknown item is a change too.
    expect(changedFields(FAX_EMAIL_FIELDS, { phoneNumbers: [] }, { phoneNumbers: [UNKNOWN] })).toEqual(["phoneNumbers"]);
    expect(changedFields(table, { home: "a" }, { home: "b" })).toEqual([]);
    expect(replacingFields(table, { home: "a" }, { home: "b" })).toEqual(["home"]);
    expect(replacingFields(table, { home: "a" }, { home: UNKNOWN })).toEqual(["home"]);
  });

  test("bodies: a patch carries exactly the changes, clearing with an empty string; a create every given field", () => {
    expect(patchBody(table, { title: "T", note: "n" }, { title: "U" })).toEqual({ title: "U", note: CLEARED });
    expect(patchBody(table, { title: "T" }, { title: "U" }, new Set(["title"]))).toEqual({});
    expect(createBodyOf(table, { title: "T", note: "n", home: "h" })).toEqual({ title: "T", note: "n" });
    // A field with a default is never cleared; a create sends no key for a field not given.
    expect(patchBody(table, { title: "T" }, {})).toEqual({});
    expect(Object.keys(createBodyOf(table, { title: "T" }))).toEqual(["title"]);
    expect(defaultsOf(table)).toEqual({ title: "T" });
  });

  test("the README table: one row per field", () => {
    expect(inputsTable(table).split("\n")).toEqual([
      "| input | what | limits | default |",
      "|---|---|---|---|",
      '| `title` | d | l | `"T"` |',
      "| `note` | d | l | none |",
      "| `url` | d | l | none |",
      "| `home` | d | l | none |",
    ]);
  });
});

describe("FaxService: the args programs use agree with its field table", () => {
  test("the same inputs", () => {
    // A compile-time check: it fails to type-check when the args and the table name different inputs.
    type Same = [keyof FaxServiceArgs] extends [keyof typeof FAX_SERVICE_FIELDS]
      ? [keyof typeof FAX_SERVICE_FIELDS] extends [keyof FaxServiceArgs]
        ? true
        : false
      : false;
    const same: Same = true;
    expect(same).toBe(true);
  });

  test("each @default in the args' docs is the table's default", () => {
    const source = readFileSync(join(__dirname, "..", "..", "provider", "program", "fax-service.ts"), "utf8");
    const args = source.slice(
      source.indexOf("export interface FaxServiceArgs"),
      source.indexOf("\n}\n", source.indexOf("export interface FaxServiceArgs")),
    );
    const documented: Record<string, string> = {};
    for (const m of args.matchAll(/@default ([^\n]+)\n(?:\s*\*[^\n]*\n)*?\s*\*\/\n\s*(\w+)\?:/g)) documented[m[2]!] = m[1]!.trim();
    const expected: Record<string, string> = {};
    for (const [name, spec] of Object.entries(FAX_SERVICE_FIELDS as FieldTable))
      if (spec.default !== undefined) expected[name] = JSON.stringify(spec.default);
    for (const [name, value] of Object.entries(expected)) expect([name, documented[name]?.startsWith(value)]).toEqual([name, true]);
    const withDefaults = Object.entries(FAX_SERVICE_FIELDS as FieldTable).filter(
      ([, spec]) => spec.default !== undefined || spec.defaultText,
    );
    expect(Object.keys(documented).sort()).toEqual(withDefaults.map(([name]) => name).sort());
  });
});

describe("FaxEmail: the numbers an address receives from", () => {
  test("the same numbers with the same permissions, in any order; a number without permissions has both", () => {
    const a = { number: "+15550000001", permissions: "send" };
    const b = { number: "+15550000002" };
    expect(sameNumbers([a, b], [{ ...b, permissions: "both" }, a])).toBe(true);
    expect(sameNumbers([a], [{ ...a, permissions: "both" }])).toBe(false);
    expect(sameNumbers([a], [b])).toBe(false);
    expect(sameNumbers(undefined, [])).toBe(true);
    expect(sameNumbers(undefined, [b])).toBe(false);
    // A list not known yet (preview) is a change, even from no numbers at all.
    expect(changedFields(FAX_EMAIL_FIELDS, { phoneNumbers: [] }, { phoneNumbers: UNKNOWN })).toEqual(["phoneNumbers"]);
  });
});

describe("FaxEmail's address", () => {
  test("at most 254 characters (RFC 5321), as Sinch takes them: a longer one fails at preview", () => {
    // A 64-character local part, then labels of the domain up to the length wanted.
    const at = (n: number) => {
      const domain = `${"b".repeat(60)}.`.repeat(3) + "c".repeat(n - 64 - 1 - 3 * 61 - 5);
      return `${"a".repeat(64)}@${domain}.test`;
    };
    expect(at(254)).toHaveLength(254);
    const check = (email: string) => checkFields(FAX_EMAIL_FIELDS, "FaxEmail", { serviceId: "01ARZ3NDEKTSV4RRFFQ69G5FAV", email }).failures;
    expect(check(at(254))).toEqual([]);
    expect(check(at(264))).toEqual([
      { property: "email", reason: expect.stringMatching(/^email must be at most 254 characters \(RFC 5321\)/) },
    ]);
  });
});
