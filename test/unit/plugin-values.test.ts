import { holdsSecret, reveal, SECRET_SIG, SIG, secretOf, unwrap, wrap } from "../../provider/plugin/values";

const secret = (value: unknown) => ({ [SIG]: SECRET_SIG, value });

describe("plugin property values", () => {
  test("secrets are unwrapped at any depth, and the properties that held one are named", () => {
    const props = {
      name: "Inbound",
      incomingWebhookUrl: secret("https://u:pw@h/x"),
      coverPages: [{ name: "A", file: secret("a.pdf") }],
      nested: secret(secret("twice")),
    };
    expect(holdsSecret(props.coverPages)).toBe(true);
    expect(holdsSecret(props.name)).toBe(false);
    const { values, secret: names } = unwrap(props);
    expect(values).toEqual({
      name: "Inbound",
      incomingWebhookUrl: "https://u:pw@h/x",
      coverPages: [{ name: "A", file: "a.pdf" }],
      nested: "twice",
    });
    expect([...names].sort()).toEqual(["coverPages", "incomingWebhookUrl", "nested"]);
    expect(reveal([secret(1), { a: secret(true) }])).toEqual([1, { a: true }]);
    expect(unwrap(undefined)).toEqual({ values: {}, secret: new Set() });
  });

  test("nulls, undefined and plain objects are no secrets, and come through as they are", () => {
    const plain = { a: null, b: undefined, c: [null, undefined, 0, ""], d: { value: "v" } };
    expect(holdsSecret(plain)).toBe(false);
    expect(reveal(plain)).toStrictEqual(plain);
    expect(unwrap(plain)).toStrictEqual({ values: plain, secret: new Set() });
    // One secret item is enough to make a list secret.
    expect(holdsSecret(["plain", secret("s")])).toBe(true);
  });

  test("wrap marks the named properties secret, drops __provider and undefined, and leaves plain JSON", () => {
    const out = wrap(
      { a: "x", b: { c: undefined, d: 1 }, __provider: "require(...)", gone: undefined, url: "https://u:pw@h" },
      new Set(["url"]),
    );
    expect(out).toEqual({ a: "x", b: { d: 1 }, url: secretOf("https://u:pw@h") });
    expect(JSON.stringify(out)).not.toContain("__provider");
  });
});
