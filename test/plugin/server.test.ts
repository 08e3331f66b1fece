import type * as grpc from "@grpc/grpc-js";
import { DiffResponse } from "@pulumi/pulumi/proto/provider_pb";
import { type Emulator, startEmulator } from "../../emulator";
import { useConfigNamespace } from "../../provider/core/config";
import { resetRuntime } from "../../provider/core/runtime";
import { SECRET_SIG, SIG, secretOf } from "../../provider/plugin/values";
import { checkRequestsConform } from "../helpers/conformance";
import { initFailure, startPlugin } from "../helpers/plugin-client";

let emulator: Emulator;
let conform: () => void;
let plugin: Awaited<ReturnType<typeof startPlugin>>;
const HOOK = "https://fax:hunter2-pass@hooks.example.com/in";

beforeAll(() => useConfigNamespace("sinch-fax"));
afterAll(() => useConfigNamespace("sinch"));
beforeEach(async () => {
  resetRuntime();
  emulator = await startEmulator();
  conform = checkRequestsConform(emulator);
  plugin = await startPlugin();
  await plugin.configure({
    projectId: emulator.projectId,
    keyId: emulator.keyId,
    keySecret: secretOf(emulator.keySecret),
    faxUrl: emulator.url,
    numbersUrl: emulator.url,
    authUrl: `${emulator.url}/oauth2/token`,
    maxRetries: 0,
    defaultHandoffTimeout: 1,
  });
});
afterEach(async () => {
  plugin.close();
  resetRuntime();
  await emulator.close();
  conform();
});

const isSecret = (value: unknown) => typeof value === "object" && value !== null && (value as Record<string, unknown>)[SIG] === SECRET_SIG;
const services = () => emulator.store.listServices(emulator.projectId);

describe("the provider plugin's gRPC service, against the emulator", () => {
  test("schema and version; check keeps what was given (no defaults) and the project, keeps a secret secret, and names a bad field", async () => {
    expect((await plugin.getSchema()).name).toBe("sinch-fax");
    expect(await plugin.pluginVersion()).toBe("9.9.9");
    const { inputs, failures } = await plugin.check("FaxService", { name: "Inbound", incomingWebhookUrl: secretOf(HOOK) });
    expect(failures).toEqual([]);
    expect(Object.keys(inputs).sort()).toEqual(["incomingWebhookUrl", "name", "projectId"]);
    expect(inputs).toMatchObject({ name: "Inbound", projectId: emulator.projectId });
    expect(isSecret(inputs.incomingWebhookUrl)).toBe(true);
    const bad = await plugin.check("FaxService", { name: "x", numberOfRetries: 9, nmae: "y" });
    expect(bad.failures).toEqual([
      { property: "", reason: '"nmae" is not an input of FaxService; did you mean "name"?' },
      { property: "numberOfRetries", reason: "numberOfRetries must be a whole number from 0 to 5 (got 9)" },
    ]);
    expect(emulator.requests).toEqual([]);
  });

  test("create, diff, update, read and delete a FaxService: one POST, a PATCH of what changed, the webhook secret throughout", async () => {
    const { inputs } = await plugin.check("FaxService", { name: "Inbound", incomingWebhookUrl: secretOf(HOOK) });
    const { id, outs } = await plugin.create("FaxService", inputs);
    expect(services().map((s) => s.id)).toContain(id);
    expect(isSecret(outs.incomingWebhookUrl)).toBe(true);
    expect(outs).not.toHaveProperty("__provider");
    expect(outs).toMatchObject({ name: "Inbound", adopted: false, numbers: [] });

    const same = await plugin.diff("FaxService", id, outs, inputs);
    expect(same.changes).toBe(DiffResponse.DiffChanges.DIFF_NONE);
    const { inputs: changed } = await plugin.check("FaxService", {
      name: "Inbound",
      incomingWebhookUrl: secretOf(HOOK),
      numberOfRetries: 5,
    });
    expect(await plugin.diff("FaxService", id, outs, changed)).toEqual({
      changes: DiffResponse.DiffChanges.DIFF_SOME,
      replaces: [],
      diffs: ["numberOfRetries"],
    });
    emulator.requests = [];
    const updated = await plugin.update("FaxService", id, outs, changed);
    expect(emulator.requests.map((r) => [r.method, r.body])).toEqual([["PATCH", { numberOfRetries: 5 }]]);
    expect(isSecret(updated.incomingWebhookUrl)).toBe(true);

    const read = await plugin.read("FaxService", id, updated);
    expect(read.props).toMatchObject({ numberOfRetries: 5 });
    expect(isSecret(read.props!.incomingWebhookUrl)).toBe(true);
    await plugin.delete("FaxService", id, updated);
    expect(services().map((s) => s.id)).not.toContain(id);
  });

  test("import: a read with no state finds the service from its id; a masked webhook is left for the program to give", async () => {
    const theirs = emulator.store.createService(
      emulator.projectId,
      { name: "By hand", numberOfRetries: 4, incomingWebhookUrl: HOOK },
      "seed",
    );
    const read = await plugin.read("FaxService", theirs.id);
    expect(read.id).toBe(theirs.id);
    expect(read.inputs).toMatchObject({ name: "By hand", numberOfRetries: 4, projectId: emulator.projectId });
    expect(read.inputs).not.toHaveProperty("incomingWebhookUrl");
    expect(read.props).toMatchObject({ adopted: false });
    // The read inputs pass check: `pulumi import` can generate code from them.
    expect((await plugin.check("FaxService", read.inputs!)).failures).toEqual([]);
    expect(await plugin.read("FaxService", "01ARZ3NDEKTSV4RRFFQ69G5FAV")).toEqual({ id: "", props: undefined, inputs: undefined });
  });

  test("two routes of one number in one program: the second fails at check, naming both", async () => {
    const service = emulator.store.createService(emulator.projectId, { name: "S" }, "seed");
    emulator.numbers.seed({ phoneNumber: "+15557770042", voiceConfiguration: { type: "RTC", appId: "app-1" } });
    const news = { phoneNumber: "+15557770042", serviceId: service.id };
    expect((await plugin.check("FaxNumberRoute", news, {}, "first")).failures).toEqual([]);
    expect((await plugin.check("FaxNumberRoute", news, {}, "second")).failures).toEqual([
      {
        property: "phoneNumber",
        reason:
          'FaxNumberRoute "second" and FaxNumberRoute "first" both route +15557770042: a number has one route; remove one of them, or route another number',
      },
    ]);
    // The same resource checked again (a preview, then the up) is no clash.
    expect((await plugin.check("FaxNumberRoute", news, {}, "first")).failures).toEqual([]);
  });

  test("import of a number route and of an address, from their ids", async () => {
    const service = emulator.store.createService(emulator.projectId, { name: "S" }, "seed");
    emulator.numbers.seed({ phoneNumber: "+15557770001", voiceConfiguration: { type: "FAX", serviceId: service.id } });
    const route = await plugin.read("FaxNumberRoute", "+15557770001");
    expect(route.inputs).toEqual({ phoneNumber: "+15557770001", serviceId: service.id, suspended: false, projectId: emulator.projectId });
    expect(route.props!.originalRoute).toEqual({ type: "RTC", appId: "" });
    const { outs } = await plugin.create(
      "FaxEmail",
      (await plugin.check("FaxEmail", { serviceId: service.id, email: "desk@example.com", phoneNumbers: [{ number: "+15557770001" }] }))
        .inputs,
    );
    const email = await plugin.read("FaxEmail", `${service.id}/desk@example.com`);
    expect(email.inputs).toEqual({
      serviceId: service.id,
      email: "desk@example.com",
      phoneNumbers: [{ number: "+15557770001", permissions: "both" }],
      projectId: emulator.projectId,
    });
    expect(email.props).toMatchObject({ createdAt: outs.createdAt });
  });

  test("functions: a service by id or name, the default, the list; bad arguments are failures, not calls", async () => {
    const a = emulator.store.createService(emulator.projectId, { name: "A" }, "seed");
    emulator.store.createService(emulator.projectId, { name: "Twin" }, "seed");
    emulator.store.createService(emulator.projectId, { name: "Twin" }, "seed");
    expect((await plugin.invoke("getFaxService", { id: a.id })).outputs).toMatchObject({
      id: a.id,
      name: "A",
      numbers: [],
      projectId: emulator.projectId,
    });
    expect((await plugin.invoke("getFaxService", { name: "A" })).outputs).toMatchObject({ id: a.id });
    expect((await plugin.invoke("getDefaultFaxService", {})).outputs).toMatchObject({ defaultForProject: true, name: "Default service" });
    const list = (await plugin.invoke("listFaxServices", {})).outputs as { services: Array<{ name: string }> };
    expect(list.services.map((s) => s.name).sort()).toEqual(["A", "Default service", "Twin", "Twin"]);
    await expect(plugin.invoke("getFaxService", { name: "Twin" })).rejects.toThrow(
      /getFaxService: fax services named "Twin" in project .*: 2: .*; look it up by id/,
    );
    emulator.requests = [];
    expect((await plugin.invoke("getFaxService", {})).failures).toEqual([{ property: "id", reason: "give the service's id or its name" }]);
    expect((await plugin.invoke("getFaxService", { id: "nope" })).failures).toEqual([
      { property: "id", reason: 'id must be a service id (a ULID) (got "nope")' },
    ]);
    expect(emulator.requests).toEqual([]);
  });

  test("a partial failure reaches the engine with the id and the state applied; no error shows the webhook password", async () => {
    const { inputs } = await plugin.check("FaxService", {
      name: "New default",
      defaultForProject: true,
      incomingWebhookUrl: secretOf(HOOK),
    });
    emulator.faults.set([{ operations: ["update"], status500: 1 }]);
    const error = (await plugin.create("FaxService", inputs).catch((e) => e)) as grpc.ServiceError;
    expect(error.details).toContain("the service was created, but not made the default");
    expect(error.details).not.toContain("hunter2-pass");
    const failure = initFailure(error)!;
    expect(services().map((s) => s.id)).toContain(failure.id);
    expect(failure.properties).toMatchObject({ name: "New default", defaultForProject: false });
    expect(isSecret(failure.properties.incomingWebhookUrl)).toBe(true);
    expect(JSON.stringify(failure.properties)).not.toContain("__provider");
  });

  test("settings come from configure (or the environment) and name the plugin's config keys", async () => {
    plugin.close();
    resetRuntime();
    plugin = await startPlugin();
    await plugin.configure({ faxUrl: emulator.url });
    const { failures } = await plugin.check("FaxService", { name: "x" });
    expect(failures).toEqual([
      expect.objectContaining({ property: "projectId", reason: expect.stringContaining('stack config "sinch-fax:projectId"') }),
    ]);
  });
});
