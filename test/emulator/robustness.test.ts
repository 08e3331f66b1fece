import { request } from "node:http";
import { connect } from "node:net";
import { startEmulator } from "../../emulator";
import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";
import { expectValid, responseSchemas } from "../helpers/openapi";
import { rawHttp } from "../helpers/raw-http";

// Whatever a client sends, the emulator answers with a 4xx and keeps running.
describe("emulator robustness", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator();
  });
  afterEach(() => fx.close());

  const stillServing = async () => expect((await rawRequest(fx.emulator, "GET", servicesPath(fx.emulator))).status).toBe(200);

  test("an invalid request target is a 400, not a crash", async () => {
    const res = await rawHttp(fx.emulator.url, "GET http://[::1/x HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n");
    expect(res.status).toBe(400);
    expectValid(responseSchemas.error, JSON.parse(res.body));
    await stillServing();
  });

  test("a request Node cannot parse gets Sinch's 400, readable even while the client still sends its body", async () => {
    const body = Buffer.alloc(4 * 1024 * 1024, "a");
    for (const head of ["FOO /v3 HTTP/1.1", "get /v3 HTTP/1.1", "GET /v3 HTTP/1.1\r\nbad header"]) {
      const res = await rawHttp(
        fx.emulator.url,
        Buffer.concat([Buffer.from(`${head}\r\nhost: x\r\ncontent-length: ${body.length}\r\n\r\n`), body]),
      );
      expect([head, res.status, res.headers.connection]).toEqual([head, 400, "close"]);
      expectValid(responseSchemas.error, JSON.parse(res.body));
    }
    await stillServing();
  });

  test("CONNECT is a 405 with an error body, not a silently closed connection", async () => {
    const res = await rawHttp(fx.emulator.url, "CONNECT example.com:443 HTTP/1.1\r\nhost: example.com:443\r\n\r\n");
    expect(res.status).toBe(405);
    expect(JSON.parse(res.body)).toMatchObject({ code: 405, status: "METHOD_NOT_ALLOWED" });
    await stillServing();
  });

  test("a malformed percent-escape in a path is a 400", async () => {
    const e = fx.emulator;
    for (const path of ["/v3/projects/%E0%A4%A/services", `${servicesPath(e)}/%E0%A4%A`, `${servicesPath(e)}/%ZZ/numbers`]) {
      const res = await rawRequest(e, "GET", path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.json).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
    }
    await stillServing();
  });

  test("field names that are Object.prototype members are unknown fields, not a 500", async () => {
    const e = fx.emulator;
    for (const field of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      const res = await rawRequest(e, "POST", servicesPath(e), { body: `{"${field}": 1}` });
      expect([field, res.status]).toEqual([field, 422]);
      expect(res.json.details[0].fieldViolations).toEqual([{ field, description: "is not a field of a service" }]);
    }
    await stillServing();
  });

  test("a project id that is an Object.prototype member is an ordinary project", async () => {
    const e = fx.emulator;
    for (const projectId of ["__proto__", "constructor"]) {
      const keyId = `key-${projectId}`;
      const added = await fetch(`${e.url}/_emulator/projects`, {
        method: "POST",
        body: JSON.stringify({ projectId, keyId, keySecret: "s" }),
      });
      expect(added.status).toBe(200);
      const auth = `Basic ${Buffer.from(`${keyId}:s`).toString("base64")}`;
      const list = await rawRequest(e, "GET", `/v3/projects/${projectId}/services`, { auth });
      expect([projectId, list.status]).toEqual([projectId, 200]);
      expect(list.json.services).toHaveLength(1);
    }
    // Without a key for it, such a project id is just unknown.
    expect((await rawRequest(e, "GET", "/v3/projects/toString/services")).status).toBe(401);
    await stillServing();
  });

  test("a body over 1 MiB is a 413 the client can read, with Content-Length or chunked", async () => {
    const e = fx.emulator;
    const big = Buffer.alloc(50 * 1024 * 1024, "a");
    const withLength = await fetch(e.url + servicesPath(e), {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${e.keyId}:${e.keySecret}`).toString("base64")}`,
        "content-type": "application/json",
      },
      body: big,
    });
    expect(withLength.status).toBe(413);
    expect(withLength.headers.get("connection")).toBe("close");
    expectValid(responseSchemas.error, await withLength.json());

    const chunked = await new Promise<{ status: number; connection?: string; body: string }>((resolve, reject) => {
      const req = request(`${e.url}/_emulator/faults`, { method: "PUT", headers: { "content-type": "application/json" } }, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection ?? "", body }));
      });
      req.on("error", reject);
      expect(req.getHeader("content-length")).toBeUndefined();
      for (let i = 0; i < 50; i++) req.write(big.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
      req.end();
    });
    expect([chunked.status, chunked.connection]).toEqual([413, "close"]);
    expect(JSON.parse(chunked.body)).toMatchObject({ code: 413 });
    // Exactly 1 MiB is still accepted (and then judged on its content).
    const atLimit = await rawRequest(e, "POST", servicesPath(e), { body: JSON.stringify({ name: "x".repeat(1024 * 1024 - 11) }) });
    expect(atLimit.status).toBe(422);
    await stillServing();
  });

  test("an API body that is not JSON is a 415; the token endpoint wants a form", async () => {
    const e = fx.emulator;
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const res = await rawRequest(e, "POST", servicesPath(e), { body: '{"name":"A"}', headers: { "content-type": contentType } });
      expect([contentType, res.status]).toEqual([contentType, 415]);
      expectValid(responseSchemas.error, res.json);
    }
    const charset = await rawRequest(e, "POST", servicesPath(e), {
      body: '{"name":"A"}',
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(charset.status).toBe(201);
    const token = (contentType: string) =>
      rawRequest(e, "POST", "/oauth2/token", { body: "grant_type=client_credentials", headers: { "content-type": contentType } });
    expect((await token("application/json")).status).toBe(415);
    expect((await token("application/x-www-form-urlencoded")).status).toBe(200);
    // No body, no content type needed.
    expect((await rawRequest(e, "DELETE", servicesPath(e, "01ARZ3NDEKTSV4RRFFQ69G5FAV"))).status).toBe(404);
  });

  test("a deeply nested body is logged as text, so the request log can still be read", async () => {
    const e = fx.emulator;
    const deep = "[".repeat(50_000) + "]".repeat(50_000);
    expect((await rawRequest(e, "POST", servicesPath(e), { body: deep })).status).toBe(400);
    expect((await rawRequest(e, "PATCH", servicesPath(e, "01ARZ3NDEKTSV4RRFFQ69G5FAV"), { body: `{"name":${deep}}` })).status).toBe(404);
    const log = await rawRequest(e, "GET", "/_emulator/requests");
    expect(log.status).toBe(200);
    expect(log.json.requests.map((r: { body: unknown }) => typeof r.body)).toEqual(["string", "string"]);
    // Ordinary nesting is still logged as JSON.
    await rawRequest(e, "POST", servicesPath(e), { body: '{"name":"A"}' });
    expect((await rawRequest(e, "GET", "/_emulator/requests?since=2")).json.requests[0].body).toEqual({ name: "A" });
  });

  test("a client hanging up mid-body is no internal error", async () => {
    const warnings: string[] = [];
    const e = await startEmulator({ onWarning: (m) => warnings.push(m) });
    try {
      const { hostname, port } = new URL(e.url);
      await new Promise<void>((resolve) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(
            `POST ${servicesPath(e)} HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"name":`,
          );
          setTimeout(() => socket.destroy(), 50);
        });
        socket.on("close", () => resolve());
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(warnings).toEqual([]);
      expect((await rawRequest(e, "GET", servicesPath(e))).status).toBe(200);
    } finally {
      await e.close();
    }
  });

  test("an internal error answers 500 and the emulator keeps serving", async () => {
    const e = fx.emulator;
    const { listServices, dump } = e.store;
    // Break the store: the only way to reach an internal error on purpose.
    const broken = () => {
      throw new Error("store unavailable");
    };
    e.store.listServices = broken;
    e.store.dump = broken;
    try {
      const api = await rawRequest(e, "GET", servicesPath(e));
      const control = await rawRequest(e, "GET", "/_emulator/state");
      for (const res of [api, control]) {
        expect(res.status).toBe(500);
        expectValid(responseSchemas.error, res.json);
      }
    } finally {
      Object.assign(e.store, { listServices, dump });
    }
    await stillServing();
  });
});
