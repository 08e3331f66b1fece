import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import * as lifecycle from "../../provider/resources/fax-service";
import { calls, checked, configureFor, created, patchBodies, printed, withEmulator } from "../helpers/provider";
import { recordingServer } from "../helpers/recording-server";

// FaxService at its edges: what each error says in full, what a create whose answer
// is lost does, what destroy does with cover pages, adoptions and unconfirmed creates.
let emulator: Emulator;
withEmulator(
  (e) => {
    emulator = e;
  },
  { defaultPolicy: "lenient" },
);

const services = () => `/v3/projects/${emulator.projectId}/services`;
const cover = join(mkdtempSync(join(tmpdir(), "edges-")), "cover.pdf");
writeFileSync(cover, "%PDF-1.4\n% cover\n%%EOF\n");

describe("a create whose POST fails", () => {
  test("a refusal is the error at once: no lookup, no second POST", async () => {
    const api = await recordingServer(() => ({ status: 400, body: { error: { code: 400, message: "no", status: "INVALID_ARGUMENT" } } }));
    try {
      await configureFor(emulator, { "sinch:faxUrl": api.url, "sinch:maxRetries": "2" });
      const error = await created({ name: "Refused" }).catch((e) => e);
      expect(error.message).toBe(`Fax service "Refused": POST ${services()} failed with HTTP 400 INVALID_ARGUMENT: no`);
      expect(api.requests.map((r) => r.method)).toEqual(["POST"]);
    } finally {
      await api.close();
    }
  });

  test("a 500 may have been applied: it is looked for, then repeated, as often as any call", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "2" });
    emulator.faults.set([{ operations: ["create"], status500: 1 }]);
    const error = await created({ name: "Once" }).catch((e) => e);
    expect(error.message).toBe(`Fax service "Once": POST ${services()} failed with HTTP 500 INTERNAL: Internal error`);
    expect(calls(emulator)).toEqual(["POST create", "GET list", "POST create", "GET list", "POST create", "GET list"]);
  });

  test("as many POSTs as any call's attempts, each looked for before the next", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    emulator.faults.set([{ operations: ["create"], status503: 1, times: 2 }]);
    const error = await created({ name: "Twice" }).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^Fax service "Twice": POST ${services()} failed with HTTP 503`));
    expect(calls(emulator)).toEqual(["POST create", "GET list", "POST create", "GET list"]);
    expect(emulator.store.listServices(emulator.projectId).filter((s) => s.name === "Twice")).toEqual([]);
  });

  test("an answer lost, and the lookup failing too: the error says both, and what to run", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    emulator.faults.set([
      { operations: ["create"], lost: 1, times: 1 },
      { operations: ["list"], status503: 1, times: 1 },
    ]);
    const error = await created({ name: "Unsure" }).catch((e) => e);
    expect(error.message).toMatch(
      new RegExp(
        `^Fax service "Unsure": POST ${services()} failed on the network: .*; looking for the service it may have created ` +
          `failed too: GET ${services()} failed with HTTP 503 [^;]*\\. A service named "Unsure" may have been created in project ` +
          `${emulator.projectId}\\. Run \`npx sinch-fax-recover\``,
      ),
    );
  });
});

describe("uploading cover pages", () => {
  const pdfOf = (name: string, text: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "edges-")), name);
    writeFileSync(path, `%PDF-1.4\n% ${text}\n%%EOF\n`);
    return path;
  };
  const leaveOn = (serviceId: string, name: string, file: string) => {
    const now = new Date().toISOString();
    const page = { id: `01ARZ3NDEKTSV4RRFFQ69G5F${name.padStart(2, "0")}`, name, projectId: emulator.projectId, serviceId };
    emulator.store.change(emulator.projectId, (project) =>
      project.coverPages.push({
        ...page,
        file: { fileContent: readFileSync(file).toString("base64"), fileType: "PDF" as const },
        createdTime: now,
        updatedTime: now,
      }),
    );
  };
  const posts = () => emulator.requests.filter((r) => r.operation === "cover-create").length;

  test("a page left on the service is taken only with the same name and the same PDF", async () => {
    const { id, outs } = await created({ name: "S" });
    const [a, b] = [pdfOf("a.pdf", "a"), pdfOf("b.pdf", "b")];
    leaveOn(id, "A", b); // the name, another PDF
    leaveOn(id, "X", a); // the PDF, another name
    emulator.requests = [];
    const { outs: after } = await lifecycle.update(id, outs, await checked({ name: "S", coverPages: [{ name: "A", file: a }] }));
    expect(posts()).toBe(1);
    expect(after.coverPages!.map((p) => p.id)).not.toContain("01ARZ3NDEKTSV4RRFFQ69G5F0A");
  });

  test("an upload that keeps failing stops after as many attempts as any call", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    const { id, outs } = await created({ name: "S" });
    emulator.faults.set([{ operations: ["cover-create"], status503: 1 }]);
    emulator.requests = [];
    const error = await lifecycle
      .update(id, outs, await checked({ name: "S", coverPages: [{ name: "A", file: pdfOf("a.pdf", "a") }] }))
      .catch((e) => e);
    expect(error.message).toContain("failed with HTTP 503");
    expect(calls(emulator)).toEqual(["GET cover-list", "POST cover-create", "GET cover-list", "POST cover-create"]);
  });

  test("an upload refused (not applied, not unknown) is not looked for again: its retries were the client's", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "1" });
    const { id, outs } = await created({ name: "S" });
    emulator.faults.set([{ operations: ["cover-create"], status429: 1, retryAfterSeconds: 0 }]);
    emulator.requests = [];
    const error = await lifecycle
      .update(id, outs, await checked({ name: "S", coverPages: [{ name: "A", file: pdfOf("a.pdf", "a") }] }))
      .catch((e) => e);
    expect(error.message).toContain("failed with HTTP 429");
    expect(calls(emulator)).toEqual(["GET cover-list", "POST cover-create", "POST cover-create"]);
  });

  test("a PDF changed since the preview stops the upload at once", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "2" });
    const { id, outs } = await created({ name: "S" });
    const file = pdfOf("a.pdf", "a");
    const news = await checked({ name: "S", coverPages: [{ name: "A", file }] });
    writeFileSync(file, "%PDF-1.4\n% changed\n%%EOF\n");
    emulator.requests = [];
    await expect(lifecycle.update(id, outs, news)).rejects.toThrow("changed after the preview");
    expect(calls(emulator)).toEqual(["GET cover-list"]);
  });
});

describe("a create that fails after its POST", () => {
  test("records the service, and says whether it was made the default", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    for (const defaultForProject of [false, true]) {
      emulator.faults.set([{ operations: ["cover-create"], status429: 1, retryAfterSeconds: 0, times: 1 }]);
      const error = await created({ name: `Half ${defaultForProject}`, defaultForProject, coverPages: [{ name: "A", file: cover }] }).catch(
        (e) => e,
      );
      expect(error.message).toMatch(/failed with HTTP 429/);
      const note = defaultForProject ? "(the service was created, but not made the default)" : "(the service was created)";
      expect(error.message.endsWith(note)).toBe(true);
      expect(error.properties).toMatchObject({ name: `Half ${defaultForProject}`, defaultForProject: false });
    }
  });
});

describe("adopting", () => {
  test("the default of a project that has none, or a service that does not exist, says which", async () => {
    const [first] = emulator.store.listServices(emulator.projectId);
    await lifecycle.update(
      first!.id,
      (await created({ adopt: "default", name: "D" })).outs,
      await checked({ name: "D", defaultForProject: false }),
    );
    const projectId = emulator.projectId;
    // At preview: check reads what to adopt, and fails naming adopt.
    expect((await lifecycle.check({}, { adopt: "default", name: "Wanted" })).failures).toEqual([
      { property: "adopt", reason: `cannot adopt: the project has no default service in project ${projectId}` },
    ]);
    const id = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
    expect((await lifecycle.check({}, { adopt: id, name: "Wanted" })).failures).toEqual([
      { property: "adopt", reason: `cannot adopt: no service ${id} exists in project ${projectId}` },
    ]);
    // At create, with no record from check (an earlier release's inputs): the same words, naming the service.
    const none = await lifecycle.create({ adopt: "default", name: "Wanted", projectId }).catch((e) => e);
    expect(none.message).toBe(`Fax service "Wanted": cannot adopt: the project has no default service in project ${projectId}`);
    const missing = await lifecycle.create({ adopt: id, name: "Wanted", projectId }).catch((e) => e);
    expect(missing.message).toBe(`Fax service "Wanted" (${id}): cannot adopt: no service ${id} exists in project ${projectId}`);
    // The service check recorded, deleted before create.
    const other = emulator.store.createService(projectId, { name: "Other" }, "seed");
    const inputs = await checked({ adopt: other.id, name: "Wanted" });
    emulator.store.deleteService(projectId, other, "by hand");
    const gone = await lifecycle.create(inputs).catch((e) => e);
    expect(gone.message).toBe(
      `Fax service "Wanted" (${other.id}): cannot adopt: service ${other.id} no longer exists in project ${projectId}`,
    );
  });

  test("the default is the service the project marks so, wherever it is listed", async () => {
    const promoted = emulator.store.createService(emulator.projectId, { name: "New default", defaultForProject: true }, "seed");
    expect(emulator.store.listServices(emulator.projectId).map((s) => s.defaultForProject)).toEqual([false, true]);
    expect((await created({ adopt: "default", name: "New default" })).id).toBe(promoted.id);
  });

  test("an adoption whose PATCH fails: an error with nothing applied, and the service let go", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    const other = emulator.store.createService(emulator.projectId, { name: "Existing" }, "seed");
    emulator.faults.set([{ operations: ["update"], status500: 1, times: 1 }]);
    const error = await created({ adopt: other.id, name: "Renamed" }).catch((e) => e);
    expect(error.message).toMatch(new RegExp(`^Fax service "Existing" \\(${other.id}\\): PATCH .* failed with HTTP 500`));
    expect(error).not.toHaveProperty("properties");
    expect((await created({ adopt: other.id, name: "Renamed" })).outs).toMatchObject({ name: "Renamed", adopted: true });
  });

  test("an adoption that fails after taking the service lets it go: a later one can take it", async () => {
    await configureFor(emulator, { "sinch:maxRetries": "0" });
    const other = emulator.store.createService(emulator.projectId, { name: "Existing" }, "seed");
    emulator.faults.set([{ operations: ["numbers"], status503: 1, times: 1 }]);
    await expect(created({ adopt: other.id, name: "Existing" })).rejects.toThrow(`Fax service "Existing" (${other.id}): GET`);
    expect((await created({ adopt: other.id, name: "Existing" })).id).toBe(other.id);
  });
});

describe("refresh", () => {
  test("keeps an adoption, drops a service gone without asking for its numbers, and keeps a placeholder nobody resolved", async () => {
    const other = emulator.store.createService(emulator.projectId, { name: "Kept" }, "seed");
    const adopted = await created({ adopt: other.id, name: "Kept" });
    expect((await lifecycle.read(other.id, adopted.outs)).props).toMatchObject({ adopted: true, adopt: other.id });
    const gone = await created({ name: "Gone" });
    emulator.store.change(emulator.projectId, (project) => {
      project.services = project.services.filter((s) => s.id !== gone.id);
    });
    emulator.requests = [];
    expect(await lifecycle.read(gone.id, gone.outs)).toEqual({});
    expect(calls(emulator)).not.toContain("GET numbers");
    const { unconfirmedCreate: _none, ...placeholder } = { ...gone.outs, unconfirmedCreate: undefined };
    expect(await lifecycle.read("unconfirmed-1-abc", placeholder)).toMatchObject({ id: "unconfirmed-1-abc", props: placeholder });
  });
});

describe("update", () => {
  test("keeps what state records beyond Sinch's fields: the adoption, the numbers read last", async () => {
    const other = emulator.store.createService(emulator.projectId, { name: "Kept" }, "seed");
    const adopted = await created({ adopt: other.id, name: "Kept" });
    const numbers = [{ phoneNumber: "+15551230000", permissions: "both" as const }];
    const { outs } = await lifecycle.update(other.id, { ...adopted.outs, numbers }, await checked({ adopt: other.id, name: "Renamed" }));
    expect(outs).toMatchObject({ name: "Renamed", adopted: true, adopt: other.id, numbers, originalSettings: { name: "Kept" } });
  });

  test("of a create never confirmed: refused, naming the service and the placeholder", async () => {
    const { outs } = await created({ name: "Unsure" });
    const news = await checked({ name: "Unsure" });
    await expect(lifecycle.update("unconfirmed-1-abc", outs, news)).rejects.toThrow(
      /^Fax service "Unsure": its creation was never confirmed \(placeholder id unconfirmed-1-abc\)\. Run `npx sinch-fax-recover`/,
    );
  });
});

describe("destroy", () => {
  test("a service stamping one of its pages is pointed away from it first; one stamping none is not patched", async () => {
    for (const coverPage of ["A", undefined]) {
      const pages = [
        { name: "A", file: cover },
        { name: "B", file: cover },
      ];
      const { id, outs } = await created({ name: `Pages ${coverPage}`, coverPages: pages, coverPage });
      emulator.requests = [];
      await lifecycle.remove(id, outs);
      const pageDeletes = ["DELETE cover-delete", "DELETE cover-delete"];
      expect(calls(emulator)).toEqual([...(coverPage ? ["PATCH update"] : []), ...pageDeletes, "DELETE delete"]);
      if (coverPage) expect(patchBodies(emulator)).toEqual([{ coverPageId: "" }]);
    }
  });

  test("an unconfirmed create lists the services that may be it: only those made after it started", async () => {
    const made = await created({ name: "Maybe" });
    // Another service with the same fields, not taken by any resource: what the lost create may have made.
    const twins = [1, 2].map(() => emulator.store.createService(emulator.projectId, { name: "Maybe" }, "seed").id);
    const state = (startedAt: number) => ({
      ...made.outs,
      unconfirmedCreate: { startedAt: new Date(startedAt).toISOString() },
    });
    const warn = (startedAt: number) => printed(() => lifecycle.remove("unconfirmed-1-abc", state(startedAt)));
    const prefix = `sinch-fax: warning: Fax service "Maybe": its creation was never confirmed; removed from the stack without deleting anything`;
    expect(await warn(Date.now() - 1000)).toEqual([`${prefix} (services that may be it, not deleted: ${twins.join(", ")})`]);
    expect(await warn(Date.now() + 3_600_000)).toEqual([`${prefix} (no service that may be it was found)`]);
    for (const id of twins) expect(emulator.store.getService(emulator.projectId, id)).toBeDefined();
  });

  test("a released service that had nothing left as it is says only that it was released", async () => {
    const other = emulator.store.createService(emulator.projectId, { name: "Kept" }, "seed");
    const adopted = await created({ adopt: other.id, name: "Managed" });
    expect(await printed(() => lifecycle.remove(adopted.id, adopted.outs))).toEqual([
      `sinch-fax: Fax service "Managed" (${other.id}) released`,
    ]);
  });
});

describe("a secret Sinch echoes in an error", () => {
  test("is left out of the errors of create, update, refresh and destroy", async () => {
    const { id, outs } = await created({ name: "S", incomingWebhookUrl: "https://u:topsecret@hooks.example/in" });
    const echo = await recordingServer(() => ({
      status: 400,
      body: { error: { code: 400, message: "bad password topsecret", status: "INVALID_ARGUMENT" } },
    }));
    try {
      await configureFor(emulator, { "sinch:faxUrl": echo.url, "sinch:maxRetries": "0" });
      const news = await checked({ name: "S2", incomingWebhookUrl: "https://u:topsecret@hooks.example/in" });
      const errors = [
        await lifecycle.create(news).catch((e) => e),
        await lifecycle.update(id, outs, news).catch((e) => e),
        await lifecycle.read(id, outs).catch((e) => e),
        await lifecycle.remove(id, outs).catch((e) => e),
      ];
      for (const error of errors) {
        expect(error.message).toContain("bad password");
        expect(error.message).not.toContain("topsecret");
      }
    } finally {
      await echo.close();
    }
  });
});
