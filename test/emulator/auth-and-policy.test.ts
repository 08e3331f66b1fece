import type { IncomingMessage } from "node:http";
import { startEmulator } from "../../emulator";
import { Authenticator } from "../../emulator/auth";
import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("emulator authentication", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator({
      tokenTtlSeconds: 1,
      extraProjects: [{ projectId: "other-project", keyId: "other-key", keySecret: "other-secret" }],
    });
  });
  afterEach(() => fx.close());

  test("a wrong secret, no header, or a project the key is not for is an empty 401", async () => {
    const e = fx.emulator;
    for (const auth of [basic(e.keyId, "wrong"), null, "Bearer nope", "Digest x"]) {
      const res = await rawRequest(e, "GET", servicesPath(e), { auth });
      expect(res.status).toBe(401);
      expect(res.text).toBe("");
    }
    const otherProject = await rawRequest(e, "GET", "/v3/projects/other-project/services");
    expect(otherProject.status).toBe(401);
    const ownKey = await rawRequest(e, "GET", "/v3/projects/other-project/services", { auth: basic("other-key", "other-secret") });
    expect(ownKey.status).toBe(200);
    expect(ownKey.json.services[0].projectId).toBe("other-project");
  });

  test("OAuth2: a token from /oauth2/token works until it expires, then 401 says so", async () => {
    const e = fx.emulator;
    const token = await rawRequest(e, "POST", "/oauth2/token", {
      body: "grant_type=client_credentials",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(token.status).toBe(200);
    expect(token.json).toMatchObject({ token_type: "bearer", expires_in: 1 });
    const bearer = `Bearer ${token.json.access_token}`;
    expect((await rawRequest(e, "GET", servicesPath(e), { auth: bearer })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100));
    const expired = await rawRequest(e, "GET", servicesPath(e), { auth: bearer });
    expect(expired.status).toBe(401);
    expect(expired.headers.get("www-authenticate")).toMatch(/invalid_token.*expired/);
  });

  test("the token endpoint wants basic credentials and the client_credentials grant", async () => {
    const e = fx.emulator;
    const headers = { "content-type": "application/x-www-form-urlencoded" };
    expect(
      (await rawRequest(e, "POST", "/oauth2/token", { body: "grant_type=client_credentials", auth: basic(e.keyId, "x"), headers })).status,
    ).toBe(401);
    expect((await rawRequest(e, "POST", "/oauth2/token", { body: "grant_type=password", headers })).status).toBe(400);
  });
});

describe("a key id is one key", () => {
  test("only the exact key id, secret and project authenticate, also through a token", () => {
    // Two keys sharing an id, as an old data file could hold: neither secret opens the other's project.
    const keys = [
      { projectId: "p1", keyId: "shared", keySecret: "s1" },
      { projectId: "p2", keyId: "shared", keySecret: "s2" },
    ];
    const auth = new Authenticator(() => keys, 3600);
    const request = (authorization: string) => ({ headers: { authorization } }) as IncomingMessage;
    expect(auth.authenticate(request(basic("shared", "s1")), "p1").ok).toBe(true);
    expect(auth.authenticate(request(basic("shared", "s2")), "p2").ok).toBe(true);
    expect(auth.authenticate(request(basic("shared", "s2")), "p1").ok).toBe(false);
    expect(auth.authenticate(request(basic("shared", "s1")), "p2").ok).toBe(false);
    const issued = auth.issueToken(
      { headers: { authorization: basic("shared", "s2"), "content-type": "application/x-www-form-urlencoded" } } as IncomingMessage,
      "grant_type=client_credentials",
    );
    const bearer = `Bearer ${(issued.body as { access_token: string }).access_token}`;
    expect(auth.authenticate(request(bearer), "p2").ok).toBe(true);
    expect(auth.authenticate(request(bearer), "p1").ok).toBe(false);
  });

  test("a project with an existing key id and another secret is refused", async () => {
    await expect(
      startEmulator({ keyId: "k", keySecret: "s", extraProjects: [{ projectId: "p2", keyId: "k", keySecret: "other" }] }),
    ).rejects.toThrow("Key id k already exists with another secret");
    const e = await startEmulator({ keyId: "k", keySecret: "s" });
    try {
      const add = (body: object) => fetch(`${e.url}/_emulator/projects`, { method: "POST", body: JSON.stringify(body) });
      const conflict = await add({ projectId: "p2", keyId: "k", keySecret: "other" });
      expect(conflict.status).toBe(409);
      expect(await conflict.json()).toMatchObject({ code: 409, message: "Key id k already exists with another secret" });
      expect(e.store.hasProject("p2")).toBe(false);
      // The same key for a second project is the same key.
      expect((await add({ projectId: "p2", keyId: "k", keySecret: "s" })).status).toBe(200);
      expect((await rawRequest(e, "GET", "/v3/projects/p2/services")).status).toBe(200);
      expect((await rawRequest(e, "GET", servicesPath(e))).status).toBe(200);
      expect((await rawRequest(e, "GET", "/v3/projects/p2/services", { auth: basic("k", "other") })).status).toBe(401);
    } finally {
      await e.close();
    }
  });
});

describe.each(["strict", "lenient"] as const)("emulator default policy: %s", (policy) => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator({ defaultPolicy: policy });
  });
  afterEach(() => fx.close());

  const defaults = () =>
    fx.emulator.store
      .listServices(fx.emulator.projectId)
      .filter((s) => s.defaultForProject)
      .map((s) => s.id);

  test("promotion demotes the previous default in the same step", async () => {
    const e = fx.emulator;
    const [initial] = defaults();
    const created = await rawRequest(e, "POST", servicesPath(e), { body: '{"name":"B"}' });
    const promoted = await rawRequest(e, "PATCH", servicesPath(e, created.json.id), { body: '{"defaultForProject":true}' });
    expect(promoted.json.defaultForProject).toBe(true);
    expect(defaults()).toEqual([created.json.id]);
    const history = e.store.defaultHistory.map((h) => h.defaultServiceIds);
    expect(history).toEqual([[initial], [created.json.id]]);
    // Creating a service as default also hands over at once.
    const c = await rawRequest(e, "POST", servicesPath(e), { body: '{"name":"C","defaultForProject":true}' });
    expect(defaults()).toEqual([c.json.id]);
    expect(e.store.defaultHistory.every((h) => h.defaultServiceIds.length === 1)).toBe(true);
  });

  test("demoting or deleting the current default", async () => {
    const e = fx.emulator;
    const [initial] = defaults();
    const demote = await rawRequest(e, "PATCH", servicesPath(e, initial), { body: '{"defaultForProject":false}' });
    if (policy === "strict") {
      expect(demote.status).toBe(422);
      expect(demote.json.message).toContain("must always have one");
      const del = await rawRequest(e, "DELETE", servicesPath(e, initial));
      expect(del.status).toBe(422);
      expect(del.json.message).toContain("cannot be deleted");
      expect(defaults()).toEqual([initial]);
    } else {
      expect(demote.status).toBe(200);
      expect(defaults()).toEqual([]);
      expect(e.store.defaultHistory.at(-1)?.defaultServiceIds).toEqual([]);
      await rawRequest(e, "PATCH", servicesPath(e, initial), { body: '{"defaultForProject":true}' });
      expect((await rawRequest(e, "DELETE", servicesPath(e, initial))).status).toBe(204);
      expect(defaults()).toEqual([]);
    }
  });
});

test("two emulators are independent, and the policy can be switched at run time", async () => {
  const a = await startEmulator();
  const b = await startEmulator({ defaultPolicy: "lenient" });
  try {
    expect(a.url).not.toBe(b.url);
    expect(a.store.policy).toBe("strict");
    const res = await fetch(`${a.url}/_emulator/policy`, { method: "PUT", body: '{"policy":"lenient"}' });
    expect(await res.json()).toEqual({ policy: "lenient" });
    expect(a.store.policy).toBe("lenient");
  } finally {
    await a.close();
    await b.close();
  }
});
