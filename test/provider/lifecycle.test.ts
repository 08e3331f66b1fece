import type { Emulator } from "../../emulator";
import { isSinchHttpError, SinchHttpError } from "../../provider/client";
import { resetRuntime } from "../../provider/core/runtime";
import * as lifecycle from "../../provider/resources/fax-service";
import { ServiceError, serviceError } from "../../provider/resources/fax-service/errors";
import { DEFAULTS, withDefaults } from "../../provider/resources/fax-service/fields";
import { calls, checked, configureFor, created, patchBodies, printed, withEmulator } from "../helpers/provider";

let emulator: Emulator;
withEmulator((e) => {
  emulator = e;
});

const apiService = (id: string) => emulator.store.getService(emulator.projectId, id);

describe("provider lifecycle against the emulator", () => {
  test("check and diff make no API call", async () => {
    const inputs = await checked({ name: "No calls" });
    const d = await lifecycle.diff("x", withDefaults(inputs), inputs);
    expect(d).toEqual({ changes: false, replaces: [], deleteBeforeReplace: false, diffs: [] });
    expect(emulator.requests).toEqual([]);
  });

  test("create is one POST with every field; state equals what the API holds", async () => {
    const { id, outs } = await created({ name: "Inbound", numberOfRetries: 1, defaultFrom: "+15551230000" });
    expect(calls(emulator)).toEqual(["POST create"]);
    expect(emulator.requests[0]!.body).toEqual({ ...DEFAULTS, name: "Inbound", numberOfRetries: 1, defaultFrom: "+15551230000" });
    const api = apiService(id)!;
    expect(outs).toEqual({
      ...DEFAULTS,
      name: "Inbound",
      numberOfRetries: 1,
      defaultFrom: "+15551230000",
      projectId: emulator.projectId,
      createdAt: api.createdAt,
      updatedAt: api.updatedAt,
      numbers: [],
      adopted: false,
    });
  });

  test("an update is one PATCH carrying exactly the changed fields; removed inputs go back to their default or are cleared", async () => {
    const { id, outs } = await created({ name: "U", numberOfRetries: 1, defaultFrom: "+15551230000" });
    emulator.requests = [];
    const news = await checked({ name: "U", numberOfRetries: 4, defaultFrom: "+15551230000" });
    expect((await lifecycle.diff(id, outs, news as never)).changes).toBe(true);
    const { outs: after } = await lifecycle.update(id, outs, news);
    expect(patchBodies(emulator)).toEqual([{ numberOfRetries: 4 }]);
    expect(after.numberOfRetries).toBe(4);

    emulator.requests = [];
    const removed = await checked({ name: "U" });
    const { outs: reset } = await lifecycle.update(id, after, removed);
    expect(patchBodies(emulator)).toEqual([{ numberOfRetries: 3, defaultFrom: "" }]);
    expect(reset).not.toHaveProperty("defaultFrom");
    expect(apiService(id)).not.toHaveProperty("defaultFrom");
    // Updating to X leaves the service exactly as creating it with X would.
    const { id: fresh } = await created({ name: "U" });
    const strip = (s: object) => {
      const { id: _i, createdAt: _c, updatedAt: _u, ...rest } = s as Record<string, unknown>;
      return rest;
    };
    expect(strip(apiService(id)!)).toEqual(strip(apiService(fresh)!));
  });

  test("promotion is a separate, last PATCH", async () => {
    const { id, outs } = await created({ name: "P" });
    emulator.requests = [];
    await lifecycle.update(id, outs, await checked({ name: "P2", resolution: "SUPERFINE", defaultForProject: true }));
    expect(patchBodies(emulator)).toEqual([{ name: "P2", resolution: "SUPERFINE" }, { defaultForProject: true }]);
    expect(apiService(id)!.defaultForProject).toBe(true);
  });

  test("create as default: POST without the flag, then the promotion", async () => {
    const { id, outs } = await created({ name: "D", defaultForProject: true });
    expect(calls(emulator)).toEqual(["POST create", "PATCH update"]);
    expect(emulator.requests[0]!.body).toMatchObject({ defaultForProject: false });
    expect(outs.defaultForProject).toBe(true);
    expect(emulator.store.defaultHistory.at(-1)!.defaultServiceIds).toEqual([id]);
  });

  test("refresh is one GET plus the numbers pages; a change made by hand shows as drift", async () => {
    const { id, outs } = await created({ name: "R" });
    for (let i = 0; i < 3; i++) {
      emulator.store.attachNumber({
        phoneNumber: `+1555200000${i}`,
        permissions: "both",
        country: "US",
        suspended: false,
        projectId: emulator.projectId,
        serviceId: id,
      });
    }
    emulator.store.updateService(emulator.projectId, apiService(id)!, { numberOfRetries: 0 }, "by hand");
    emulator.requests = [];
    const result = await lifecycle.read(id, outs);
    expect(calls(emulator)).toEqual(["GET list", "GET numbers"]);
    expect(result.props!.numberOfRetries).toBe(0);
    expect(result.inputs).toMatchObject({ numberOfRetries: 0, name: "R", projectId: emulator.projectId });
    expect(result.props!.numbers).toEqual(
      [0, 1, 2].map((i) => ({ phoneNumber: `+1555200000${i}`, permissions: "both", country: "US", suspended: false })),
    );
    const d = await lifecycle.diff(id, result.props!, (await checked({ name: "R" })) as never);
    expect(d.changes).toBe(true);
  });

  test("the reads of a refresh share one listing: N services cost one list and N numbers pages; a write drops it", async () => {
    const made = [];
    for (const name of ["A", "B", "C", "D", "E"]) made.push(await created({ name }));
    emulator.requests = [];
    const reads = await Promise.all(made.map(({ id, outs }) => lifecycle.read(id, outs)));
    expect(reads.map((r) => r.props!.name)).toEqual(["A", "B", "C", "D", "E"]);
    expect(calls(emulator).sort()).toEqual(["GET list", ...Array(5).fill("GET numbers")]);
    // A service the listing lacks (made by hand since) is looked at on its own; one deleted since is dropped.
    const late = emulator.store.createService(emulator.projectId, { name: "Late" }, "by hand");
    emulator.store.deleteService(emulator.projectId, apiService(made[1]!.id)!, "by hand");
    emulator.requests = [];
    expect((await lifecycle.read(late.id, { ...made[0]!.outs, name: "Late" })).props!.name).toBe("Late");
    expect(await lifecycle.read(made[1]!.id, made[1]!.outs)).toEqual({});
    expect(calls(emulator)).toEqual(["GET get", "GET numbers", "GET numbers", "GET get"]);
    // A write of this process drops the listing: the next read lists again.
    await created({ name: "F" });
    emulator.requests = [];
    await lifecycle.read(made[2]!.id, made[2]!.outs);
    expect(calls(emulator)).toEqual(["GET list", "GET numbers"]);
  });

  test("refresh of a service that is gone returns no id", async () => {
    const { id, outs } = await created({ name: "Gone" });
    emulator.store.deleteService(emulator.projectId, apiService(id)!, "by hand");
    expect(await lifecycle.read(id, outs)).toEqual({});
  });

  test("delete: one DELETE; already gone is success", async () => {
    const { id, outs } = await created({ name: "Del" });
    emulator.requests = [];
    await lifecycle.remove(id, outs);
    expect(calls(emulator)).toEqual(["DELETE delete"]);
    await lifecycle.remove(id, outs);
    expect(apiService(id)).toBeUndefined();
  });

  test("a lost POST response leaves exactly one service, and it is the one in state", async () => {
    emulator.faults.set([{ operations: ["create"], lost: 1, times: 1 }]);
    const { id } = await created({ name: "Lost once" });
    const named = emulator.store.listServices(emulator.projectId).filter((s) => s.name === "Lost once");
    expect(named.map((s) => s.id)).toEqual([id]);
    expect(calls(emulator)).toEqual(["POST create", "GET list"]);
  });

  test("a POST that failed before applying is reconciled, then repeated", async () => {
    emulator.faults.set([
      { operations: ["create"], status503: 1, times: 1 },
      { operations: ["create"], drop: 1, times: 1 },
    ]);
    const { id } = await created({ name: "Retried" });
    expect(
      emulator.store
        .listServices(emulator.projectId)
        .filter((s) => s.name === "Retried")
        .map((s) => s.id),
    ).toEqual([id]);
    expect(calls(emulator)).toEqual(["POST create", "GET list", "POST create", "GET list", "POST create"]);
  });

  test("two identical services created at once each get their own, even with lost responses", async () => {
    emulator.faults.set([{ operations: ["create"], lost: 1, times: 2 }]);
    const [a, b] = await Promise.all([created({ name: "Twin" }), created({ name: "Twin" })]);
    expect(a.id).not.toBe(b.id);
    expect(emulator.store.listServices(emulator.projectId).filter((s) => s.name === "Twin")).toHaveLength(2);
  });

  test("a failed promotion after a create is a partial failure that records the service", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    emulator.faults.set([{ operations: ["update"], status503: 1 }]);
    const error = await created({ name: "Half", defaultForProject: true }).catch((e) => e);
    expect(error.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(error.properties).toMatchObject({ name: "Half", defaultForProject: false });
    expect(error.message).toContain(`Fax service "Half" (${error.id}): PATCH`);
    expect(error.message).toContain("not made the default");
  });

  test("a partial failure's state carries the serialized provider, without which refresh and destroy cannot run", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    emulator.faults.set([{ operations: ["update"], status503: 1 }]);
    const error = await lifecycle
      .create({ ...(await checked({ name: "Carry", defaultForProject: true })), __provider: "the provider" })
      .catch((e) => e);
    expect(error.properties.__provider).toBe("the provider");
  });

  test("a lost POST whose lookup fails too: a placeholder records the attempt; update refuses, refresh keeps it, delete lists", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([
      { operations: ["create"], lost: 1, times: 1 },
      { operations: ["list"], status503: 1, times: 2 },
    ]);
    const inputs = { ...(await checked({ name: "Unsure" })), __provider: "p" };
    const started = Date.now();
    const error = await lifecycle.create(inputs).catch((e) => e);
    expect(error.message).toContain('A service named "Unsure" may have been created');
    expect(error.message).toContain("sinch-fax-recover");
    expect(error.id).toMatch(/^unconfirmed-\d+-/);
    expect(Date.parse(error.properties.unconfirmedCreate.startedAt)).toBeGreaterThanOrEqual(started - 1000);
    expect(error.properties).toMatchObject({ name: "Unsure", __provider: "p", adopted: false });
    emulator.faults.clear();
    const made = emulator.store.listServices(emulator.projectId).filter((s) => s.name === "Unsure");
    expect(made).toHaveLength(1);

    emulator.requests = [];
    const state = error.properties;
    expect((await lifecycle.diff(error.id, state, inputs)).changes).toBe(true);
    await expect(lifecycle.update(error.id, state, inputs)).rejects.toThrow("its creation was never confirmed");
    expect(await lifecycle.read(error.id, state)).toMatchObject({ id: error.id, props: state });
    expect(emulator.requests).toEqual([]);

    const warnings = await printed(() => lifecycle.remove(error.id, state));
    expect(warnings.join("\n")).toContain(`services that may be it, not deleted: ${made[0]!.id}`);
    expect(emulator.store.listServices(emulator.projectId).filter((s) => s.name === "Unsure")).toHaveLength(1);
  });

  test("once recovery records what it made, refresh moves the resource to that service, or drops it", async () => {
    const made = emulator.store.createService(emulator.projectId, { name: "Resolved" }, "seed");
    const { coverPages: _none, ...inputs } = withDefaults(await checked({ name: "Resolved" }));
    const state = {
      ...inputs,
      numbers: [],
      adopted: false,
      unconfirmedCreate: { startedAt: new Date().toISOString(), resolved: { serviceId: made.id } },
    };
    const read = await lifecycle.read("unconfirmed-1-abc", state);
    expect(read.id).toBe(made.id);
    expect(read.props).not.toHaveProperty("unconfirmedCreate");
    expect(await lifecycle.read("unconfirmed-1-abc", { ...state, unconfirmedCreate: { startedAt: "x", resolved: {} } })).toEqual({});
  });

  test("two resources adopting the same service at once: exactly one gets it", async () => {
    const results = await Promise.allSettled([created({ adopt: "default", name: "A" }), created({ adopt: "default", name: "B" })]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(String(rejected.reason)).toContain("another FaxService of this stack already manages it");
  });

  test("an update whose promotion fails records the PATCH that was applied", async () => {
    const { id, outs } = await created({ name: "Half2" });
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    emulator.faults.set([{ operations: ["update"], status503: 1, skip: 1 }]);
    const error = await lifecycle
      .update(id, outs, await checked({ name: "Half2", numberOfRetries: 5, defaultForProject: true }))
      .catch((e) => e);
    expect(error.id).toBe(id);
    expect(error.properties).toMatchObject({ numberOfRetries: 5, defaultForProject: false });
    expect(apiService(id)!.numberOfRetries).toBe(5);
  });

  test("API errors name the service, the call and Sinch's message, and never a secret", async () => {
    const { id, outs } = await created({ name: "Err", incomingWebhookUrl: "https://u:topsecret@hooks.example/in" });
    emulator.faults.set([{ operations: ["update"], status500: 1 }]);
    const error = await lifecycle
      .update(id, outs, await checked({ name: "Err", incomingWebhookUrl: "https://u:topsecret2@hooks.example/in" }))
      .catch((e) => e);
    expect(error.message).toBe(
      `Fax service "Err" (${id}): PATCH /v3/projects/${emulator.projectId}/services/${id} failed with HTTP 500 INTERNAL: Internal error`,
    );
    for (const secret of ["topsecret", emulator.keySecret]) expect(`${error.message}${error.stack}`).not.toContain(secret);
    // The error keeps its kind, Sinch's status, the call and the client's error as its cause.
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ name: "ServiceError", status: 500, call: `PATCH /v3/projects/${emulator.projectId}/services/${id}` });
    expect(isSinchHttpError(error.cause, 500)).toBe(true);
    expect(error.cause).toMatchObject({ name: "SinchHttpError", outcomeUnknown: false });
  });

  test("a secret the provider knows is removed from the message of a service's error", () => {
    const sinch = new SinchHttpError({
      method: "PATCH",
      path: "/v3/projects/p/services/s",
      status: 422,
      sinchMessage: `incomingWebhookUrl https://u:echoed-pw@hooks.example/in is unreachable (key ${emulator.keySecret})`,
    });
    const error = serviceError({ id: "s", name: "Echo" }, sinch, ["echoed-pw"]);
    expect(error).toMatchObject({ name: "ServiceError", status: 422, call: "PATCH /v3/projects/p/services/s" });
    expect(error.cause).toBe(sinch);
    for (const secret of ["echoed-pw", emulator.keySecret]) expect(`${error.message}${error.stack}`).not.toContain(secret);
    expect(error.message).toContain("https://u:[secret]@hooks.example/in");
  });

  test("missing credentials fail with one message naming the config keys and variables", async () => {
    resetRuntime();
    await lifecycle.configure({ config: { get: (k) => (k === "sinch:projectId" ? "p" : undefined), require: () => "" } });
    const error = await created({ name: "NoKey" }).catch((e) => e);
    expect(error.message).toContain(
      'Sinch credentials are missing: set stack config "sinch:keyId" (pulumi config set sinch:keyId …) or the environment variable SINCH_KEY_ID; ' +
        'and stack config "sinch:keySecret" (pulumi config set --secret sinch:keySecret …) or the environment variable SINCH_KEY_SECRET.',
    );
  });

  test("bad settings fail at check, before any call", async () => {
    resetRuntime();
    await expect(
      lifecycle.configure({ config: { get: (k) => (k === "sinch:region" ? "mars" : undefined), require: () => "" } }),
    ).rejects.toThrow('Sinch region "mars" is not one of use1, eu1, sae1, apse1, apse2 (stack config "sinch:region"');
  });

  test("OAuth2 works through the settings", async () => {
    await configureFor(emulator, { "sinch:auth": "oauth2" });
    await created({ name: "Bearer" });
    expect(calls(emulator)).toEqual(["POST token", "POST create"]);
  });
});

describe("the provider process's one client", () => {
  test("configuring another kind of resource with the same settings leaves calls in flight alone", async () => {
    emulator.faults.set([{ operations: ["create"], latencyMs: { min: 300, max: 300 } }]);
    const creating = created({ name: "In flight" });
    await new Promise((r) => setTimeout(r, 100));
    await configureFor(emulator, {}, { reset: false }); // as the engine configures a second resource type's provider
    await creating;
    expect(calls(emulator)).toEqual(["POST create"]);
  });
});
