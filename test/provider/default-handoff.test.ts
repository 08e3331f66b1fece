import type { Emulator } from "../../emulator";
import * as lifecycle from "../../provider/resources/fax-service";
import { alwaysOneDefault, calls, checked, created, patchBodies, printed, withEmulator } from "../helpers/provider";

describe.each(["strict", "lenient"] as const)("default handoff, %s API", (policy) => {
  let emulator: Emulator;
  withEmulator(
    (e) => {
      emulator = e;
    },
    { defaultPolicy: policy },
  );

  const defaults = () =>
    emulator.store
      .listServices(emulator.projectId)
      .filter((s) => s.defaultForProject)
      .map((s) => s.id);

  test.each([
    ["the promotion first", 0],
    ["the demotion first", 1],
  ])("A hands the default to B in one deployment (%s), never zero or two defaults", async (_label, demotionFirst) => {
    const a = await created({ name: "A", defaultForProject: true });
    const b = await created({ name: "B" });
    emulator.requests = [];
    const demote = () => checked({ name: "A", defaultForProject: false }).then((n) => lifecycle.update(a.id, a.outs, n));
    const promote = () => checked({ name: "B", defaultForProject: true }).then((n) => lifecycle.update(b.id, b.outs, n));
    const [aAfter, bAfter] = demotionFirst
      ? await Promise.all([demote(), new Promise((r) => setTimeout(r, 300)).then(promote)])
      : await Promise.all([new Promise((r) => setTimeout(r, 300)).then(demote), promote()]);
    expect(defaults()).toEqual([b.id]);
    expect(aAfter.outs.defaultForProject).toBe(false);
    expect(bAfter.outs.defaultForProject).toBe(true);
    expect(alwaysOneDefault(emulator)).toBe(true);
    // A never demoted itself: the promotion of B did it.
    expect(patchBodies(emulator)).toEqual([{ defaultForProject: true }]);
  });

  test("a demotion nobody takes over: strict fails naming the way out, lenient demotes at the end of the wait", async () => {
    const a = await created({ name: "Alone", defaultForProject: true });
    emulator.requests = [];
    const started = Date.now();
    const result = lifecycle.update(a.id, a.outs, await checked({ name: "Alone", numberOfRetries: 1, defaultForProject: false }));
    if (policy === "strict") {
      const error = await result.catch((e) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
      expect(error.message).toContain(`Fax service "Alone" (${a.id}): it cannot stop being the project's default service`);
      expect(error.message.split("Fax service").length).toBe(2); // the label once, not twice
      expect(error.message).toContain("set defaultForProject: true on another FaxService");
      // Sinch's own words, and its refusal as the cause.
      expect(error.message).toContain(`(Service ${a.id} is the project's default service; a project must always have one.`);
      expect(error.cause.cause).toMatchObject({ name: "SinchHttpError" });
      // The field change was applied before the wait, and the error records it.
      expect(error.id).toBe(a.id);
      expect(error.properties).toMatchObject({ numberOfRetries: 1, defaultForProject: true });
      expect(defaults()).toEqual([a.id]);
    } else {
      const { outs } = await result;
      expect(outs.defaultForProject).toBe(false);
      expect(defaults()).toEqual([]);
      expect(patchBodies(emulator)).toEqual([{ numberOfRetries: 1 }, { defaultForProject: false }]);
    }
  });

  test("releasing an adopted service made the default: with nobody to take over, strict keeps it the default and destroy succeeds", async () => {
    const other = emulator.store.createService(emulator.projectId, { name: "Other" }, "seed");
    const adopted = await created({ adopt: other.id, name: "Other", defaultForProject: true });
    expect(defaults()).toEqual([other.id]);
    await lifecycle.remove(adopted.id, adopted.outs);
    expect(defaults()).toEqual(policy === "strict" ? [other.id] : []);
  });

  test("a default deleted by hand while it waits to be demoted: the update says so", async () => {
    const a = await created({ name: "Going", defaultForProject: true });
    const result = lifecycle.update(a.id, a.outs, await checked({ name: "Going", defaultForProject: false })).catch((e) => e);
    await new Promise((r) => setTimeout(r, 300));
    emulator.store.change(emulator.projectId, (project) => {
      project.services = project.services.filter((s) => s.id !== a.id);
    });
    expect((await result).message).toBe(
      `Fax service "Going" (${a.id}): the service was deleted while waiting for another to become the default`,
    );
  });

  test("deleting the current default waits for a successor", async () => {
    const a = await created({ name: "Old default", defaultForProject: true });
    const b = await created({ name: "Successor" });
    const deletion = lifecycle.remove(a.id, a.outs);
    await new Promise((r) => setTimeout(r, 300));
    await lifecycle.update(b.id, b.outs, await checked({ name: "Successor", defaultForProject: true }));
    await deletion;
    expect(emulator.store.getService(emulator.projectId, a.id)).toBeUndefined();
    expect(defaults()).toEqual([b.id]);
    expect(alwaysOneDefault(emulator)).toBe(true);
  });

  test("deleting the default with no successor: strict refuses with the ways out, lenient deletes after the wait", async () => {
    const a = await created({ name: "Last", defaultForProject: true });
    const result = lifecycle.remove(a.id, a.outs);
    if (policy === "strict") {
      const error = await result.catch((e) => e);
      expect(error.message).toContain(`Fax service "Last" (${a.id}): it cannot be deleted while it is the project's default service`);
      expect(error.message.split("Fax service").length).toBe(2);
      expect(error.message).toContain("pulumi state delete");
      expect(emulator.store.getService(emulator.projectId, a.id)).toBeDefined();
    } else {
      await result;
      expect(emulator.store.getService(emulator.projectId, a.id)).toBeUndefined();
      expect(defaults()).toEqual([]);
    }
  });

  test("adopting the project's default PATCHes only what differs; destroy releases it as it was", async () => {
    const [original] = emulator.store.listServices(emulator.projectId);
    const before = { ...original };
    emulator.requests = [];
    const adopted = await created({ adopt: "default", name: "Managed default", defaultForProject: true, resolution: "SUPERFINE" });
    expect(adopted.id).toBe(original!.id);
    // check reads the default and its cover pages (what it was before: see adoption.ts); create reads it again, then PATCHes.
    expect(calls(emulator)).toEqual(["GET list", "GET cover-list", "GET get", "GET numbers", "PATCH update"]);
    expect(patchBodies(emulator)).toEqual([{ name: "Managed default", resolution: "SUPERFINE" }]);
    expect(adopted.outs).toMatchObject({
      adopted: true,
      adopt: "default",
      name: "Managed default",
      originalSettings: { name: "Default service" },
    });
    expect(adopted.outs.originalSettings).toMatchObject({ resolution: "FINE" });

    emulator.requests = [];
    await lifecycle.remove(adopted.id, adopted.outs);
    expect(calls(emulator)).toEqual(["GET get", "PATCH update"]);
    const after = emulator.store.getService(emulator.projectId, original!.id)!;
    const { updatedAt: _a, ...restAfter } = after;
    const { updatedAt: _b, ...restBefore } = before;
    expect(restAfter).toEqual(restBefore);
    expect(alwaysOneDefault(emulator)).toBe(true);
  });

  test("release leaves what it cannot restore as it is, says so, and never sends null", async () => {
    const service = emulator.store.createService(emulator.projectId, { name: "No resolution" }, "seed");
    delete (service as { resolution?: string }).resolution; // as an API that reports none would show it
    const adopted = await created({ adopt: service.id, name: "Managed", resolution: "SUPERFINE", defaultFrom: "+15551230000" });
    emulator.requests = [];
    const lines = await printed(() => lifecycle.remove(adopted.id, adopted.outs));
    expect(patchBodies(emulator)).toEqual([{ name: "No resolution", defaultFrom: "" }]);
    expect(emulator.store.getService(emulator.projectId, service.id)).toMatchObject({ name: "No resolution", resolution: "SUPERFINE" });
    expect(emulator.store.getService(emulator.projectId, service.id)).not.toHaveProperty("defaultFrom");
    expect(lines.join("\n")).toContain(`released; left as it is: resolution (Sinch reported no value for it when adopted)`);
  });

  test("adopt by id, and errors for what cannot be adopted", async () => {
    const other = emulator.store.createService(emulator.projectId, { name: "Existing" }, "seed");
    const adopted = await created({ adopt: other.id, name: "Existing" });
    expect(adopted.id).toBe(other.id);
    expect(patchBodies(emulator)).toEqual([]);
    const twice = await created({ adopt: other.id, name: "Existing" }).catch((e) => e);
    expect(twice.message).toContain("another FaxService of this stack already manages it");
    const missing = await created({ adopt: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }).catch((e) => e);
    expect(missing.message).toContain(`cannot adopt: no service 01ARZ3NDEKTSV4RRFFQ69G5FAV exists in project ${emulator.projectId}`);
  });
});
