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

  test("wrap marks the named properties secret, drops __provider and undefined, and leaves plain JSON", () => {
    const out = wrap(
      { a: "x", b: { c: undefined, d: 1 }, __provider: "require(...)", gone: undefined, url: "https://u:pw@h" },
      new Set(["url"]),
    );
    expect(out).toEqual({ a: "x", b: { d: 1 }, url: secretOf("https://u:pw@h") });
    expect(JSON.stringify(out)).not.toContain("__provider");
  });
});
