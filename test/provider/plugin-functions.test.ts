import type { Emulator } from "../../emulator";
import { ServiceError } from "../../provider/core/operation-errors";
import { invoke } from "../../provider/plugin/functions";
import { configureFor, withEmulator } from "../helpers/provider";

// The plugin's functions (invokes) against the emulator: what each finds, and what each error says in full.
let emulator: Emulator;
withEmulator(
  (e) => {
    emulator = e;
  },
  // An API that lets a project go without a default.
  { defaultPolicy: "lenient" },
);

describe("the plugin's functions", () => {
  test("a service looked up by a name that no service or several services have, or by an id that does not exist", async () => {
    const p = emulator.projectId;
    const twins = ["Twin", "Twin"].map((name) => emulator.store.createService(p, { name }, "seed").id);
    await expect(invoke("getFaxService", { name: "Twin" })).rejects.toThrow(
      `getFaxService: fax services named "Twin" in project ${p}: 2: ${twins.join(", ")}; look it up by id`,
    );
    await expect(invoke("getFaxService", { name: "Nobody" })).rejects.toThrow(
      `getFaxService: fax services named "Nobody" in project ${p}: none`,
    );
    const id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    await expect(invoke("getFaxService", { id })).rejects.toThrow(`getFaxService: there is no fax service ${id} in project ${p}`);
  });

  test("the default of a project that has none", async () => {
    for (const service of emulator.store.listServices(emulator.projectId))
      emulator.store.deleteService(emulator.projectId, service, "test");
    await expect(invoke("getDefaultFaxService", {})).rejects.toThrow(
      `getDefaultFaxService: project ${emulator.projectId} has no default fax service`,
    );
    expect((await invoke("listFaxServices", {})).outputs).toEqual({ projectId: emulator.projectId, services: [] });
  });

  test("a function that does not exist, and a project that is not set", async () => {
    await expect(invoke("getFaxNumber", {})).rejects.toThrow("sinch-fax has no function getFaxNumber");
    await configureFor(emulator, { "sinch:projectId": "" });
    expect((await invoke("listFaxServices", {})).failures).toEqual([
      { property: "projectId", reason: expect.stringContaining("projectId") },
    ]);
  });

  test("an API error names the function and the call, and keeps its cause", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    emulator.faults.set([{ operations: ["list"], status503: 1, times: 1 }]);
    const error = await invoke("listFaxServices", {}).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^listFaxServices: GET /v3/projects/${emulator.projectId}/services failed with HTTP 503`));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ status: 503, cause: { status: 503 } });
    // What the function itself finds wrong is no API error: it has no status.
    const missing = await invoke("getFaxService", { id: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }).catch((e) => e);
    expect(missing).not.toBeInstanceOf(ServiceError);
    expect(missing.cause).toMatchObject({ message: expect.stringContaining("there is no fax service") });
  });
});
