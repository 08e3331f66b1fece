import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Emulator } from "../../emulator";
import * as lifecycle from "../../provider/resources/fax-service";
import { checked, withEmulator } from "../helpers/provider";

let emulator: Emulator;
const dir = mkdtempSync(join(tmpdir(), "covers-"));
const pdf = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, `%PDF-1.4\n% ${text}\n%%EOF\n`);
  return path;
};

withEmulator((e) => {
  emulator = e;
});

const pagesOf = (id: string) =>
  emulator.store
    .projectState(emulator.projectId)
    .coverPages.filter((p) => p.serviceId === id)
    .map((p) => p.name);
const project = () => emulator.store.projectState(emulator.projectId);
const serviceOf = (id: string) => emulator.store.getService(emulator.projectId, id)!;
const writes = () => emulator.requests.filter((r) => r.method !== "GET").map((r) => `${r.method} ${r.operation}`);

describe("FaxService cover pages against the emulator", () => {
  test("create: the service, then its pages, then the PATCH that stamps one; state keeps SHA-256 and size, never the PDF", async () => {
    const letterhead = pdf("letterhead.pdf", "letterhead v1");
    const confidential = pdf("confidential.pdf", "confidential");
    const news = await checked({
      name: "Outbound",
      coverPages: [
        { name: "Letterhead", file: letterhead },
        { name: "Confidential", file: { path: confidential } },
      ],
      coverPage: "Letterhead",
    });
    const { id, outs } = await lifecycle.create(news);
    expect(writes()).toEqual(["POST create", "POST cover-create", "POST cover-create", "PATCH update"]);
    // A service just created has no pages to look at first.
    expect(emulator.requests.filter((r) => r.operation === "cover-list")).toEqual([]);
    expect(pagesOf(id)).toEqual(["Letterhead", "Confidential"]);
    const stamped = outs.coverPages!.find((p) => p.name === "Letterhead")!;
    expect(serviceOf(id).coverPageId).toBe(stamped.id);
    expect(outs).toMatchObject({ coverPage: "Letterhead", coverPageId: stamped.id });
    expect(stamped).toEqual({
      name: "Letterhead",
      file: letterhead,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      size: 31,
      id: stamped.id,
    });
    expect(JSON.stringify(outs)).not.toContain(Buffer.from("letterhead v1").toString("base64").slice(0, 12));
    // Nothing more to do: no calls at all.
    emulator.requests = [];
    expect((await lifecycle.diff(id, outs, news)).changes).toBe(false);
    expect(emulator.requests).toEqual([]);
  });

  test("a changed PDF: upload the new page, repoint the service, then delete the old page", async () => {
    const file = pdf("changing.pdf", "v1");
    const { id, outs } = await lifecycle.create(await checked({ name: "S", coverPages: [{ name: "Cover", file }], coverPage: "Cover" }));
    const oldPage = outs.coverPages![0]!.id;
    writeFileSync(file, "%PDF-1.4\n% v2\n%%EOF\n");
    const news = await checked({ name: "S", coverPages: [{ name: "Cover", file }], coverPage: "Cover" });
    expect((await lifecycle.diff(id, outs, news)).changes).toBe(true);
    emulator.requests = [];
    const { outs: after } = await lifecycle.update(id, outs, news);
    expect(writes()).toEqual(["POST cover-create", "PATCH update", "DELETE cover-delete"]);
    const newPage = after.coverPages![0]!.id;
    expect(newPage).not.toBe(oldPage);
    expect(emulator.requests.find((r) => r.method === "PATCH")!.body).toEqual({ coverPageId: newPage });
    expect(serviceOf(id).coverPageId).toBe(newPage);
    expect(pagesOf(id)).toEqual(["Cover"]);
  });

  test("refresh: a page deleted by hand is dropped (the next update uploads it again); a service repointed by hand is drift", async () => {
    const { id, outs } = await lifecycle.create(
      await checked({
        name: "S",
        coverPages: [
          { name: "A", file: pdf("a.pdf", "a") },
          { name: "B", file: pdf("b.pdf", "b") },
        ],
        coverPage: "A",
      }),
    );
    const [a, b] = outs.coverPages!;
    emulator.store.updateService(emulator.projectId, serviceOf(id), { coverPageId: b!.id }, "by hand");
    const repointed = await lifecycle.read(id, outs);
    expect(repointed.props!.coverPageId).toBe(b!.id);
    const news = await checked({
      name: "S",
      coverPages: [
        { name: "A", file: pdf("a.pdf", "a") },
        { name: "B", file: pdf("b.pdf", "b") },
      ],
      coverPage: "A",
    });
    expect((await lifecycle.diff(id, repointed.props!, news)).changes).toBe(true);
    const { outs: restored } = await lifecycle.update(id, repointed.props!, news);
    expect(serviceOf(id).coverPageId).toBe(a!.id);

    emulator.store.change(emulator.projectId, (project) => {
      project.coverPages = project.coverPages.filter((p) => p.id !== b!.id);
    });
    const dropped = await lifecycle.read(id, restored);
    expect(dropped.props!.coverPages!.map((p) => p.name)).toEqual(["A"]);
    emulator.requests = [];
    await lifecycle.update(id, dropped.props!, news);
    expect(writes()).toEqual(["POST cover-create"]);
    expect(pagesOf(id).sort()).toEqual(["A", "B"]);
  });

  test("an upload whose answer is lost is found, not repeated; a page of the same name and PDF left on the service is taken", async () => {
    emulator.faults.set([{ operations: ["cover-create"], lost: 1, times: 1 }]);
    const { id, outs } = await lifecycle.create(await checked({ name: "S", coverPages: [{ name: "A", file: pdf("a.pdf", "a") }] }));
    expect(writes()).toEqual(["POST create", "POST cover-create"]);
    expect(emulator.requests.find((r) => r.operation === "cover-create")!.fault).toBe("lost");
    expect(pagesOf(id)).toEqual(["A"]);
    expect(outs.coverPages!.map((p) => p.id)).toEqual(project().coverPages.map((p) => p.id));

    // A page "B" with b.pdf's bytes, left by a lost upload of an earlier run that state never recorded.
    const b = pdf("b.pdf", "b");
    const left = {
      id: "01ARZ3NDEKTSV4RRFFQ69G5FAW",
      name: "B",
      file: { fileContent: readFileSync(b).toString("base64"), fileType: "PDF" as const },
    };
    const now = new Date().toISOString();
    emulator.store.change(emulator.projectId, (project) =>
      project.coverPages.push({ ...left, projectId: emulator.projectId, serviceId: id, createdTime: now, updatedTime: now }),
    );
    emulator.requests = [];
    const news = await checked({
      name: "S",
      coverPages: [
        { name: "A", file: pdf("a.pdf", "a") },
        { name: "B", file: b },
      ],
    });
    const updated = await lifecycle.update(id, outs, news);
    expect(writes()).toEqual([]);
    expect(updated.outs.coverPages!.find((p) => p.name === "B")!.id).toBe(left.id);
    expect(pagesOf(id).sort()).toEqual(["A", "B"]);
  });

  test("destroy unpoints the service, deletes the stack's pages, then the service", async () => {
    const { id, outs } = await lifecycle.create(
      await checked({ name: "S", coverPages: [{ name: "A", file: pdf("a.pdf", "a") }], coverPage: "A" }),
    );
    emulator.requests = [];
    await lifecycle.remove(id, outs);
    expect(writes()).toEqual(["PATCH update", "DELETE cover-delete", "DELETE delete"]);
    expect(emulator.requests[0]!.body).toEqual({ coverPageId: "" });
  });

  test("destroy of a service with a stamped page that is already gone (deleted by hand, or by a killed destroy) succeeds", async () => {
    const { id, outs } = await lifecycle.create(
      await checked({ name: "S", coverPages: [{ name: "A", file: pdf("a.pdf", "a") }], coverPage: "A" }),
    );
    emulator.store.deleteService(emulator.projectId, serviceOf(id), "by hand");
    emulator.requests = [];
    await lifecycle.remove(id, outs);
    expect(writes()).toEqual(["PATCH update"]);
    expect(emulator.requests.map((r) => r.status)).toEqual([404, 404]); // the unstamp, then the look that confirms it is gone
  });

  test("releasing an adopted service puts its own cover page back, then deletes the stack's", async () => {
    const adoptedId = emulator.store.createService(emulator.projectId, { name: "Theirs" }, "seed").id;
    const now = new Date().toISOString();
    const theirs = {
      id: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      name: "Theirs",
      file: { fileContent: Buffer.from("%PDF-1.4\n").toString("base64"), fileType: "PDF" as const },
    };
    emulator.store.change(emulator.projectId, (project) =>
      project.coverPages.push({ ...theirs, projectId: emulator.projectId, serviceId: adoptedId, createdTime: now, updatedTime: now }),
    );
    emulator.store.updateService(emulator.projectId, serviceOf(adoptedId), { coverPageId: theirs.id }, "seed");
    const { id, outs } = await lifecycle.create(
      await checked({ adopt: adoptedId, name: "Theirs", coverPages: [{ name: "Ours", file: pdf("o.pdf", "o") }], coverPage: "Ours" }),
    );
    expect(serviceOf(id).coverPageId).not.toBe(theirs.id);
    emulator.requests = [];
    await lifecycle.remove(id, outs);
    expect(writes()).toEqual(["PATCH update", "DELETE cover-delete"]);
    expect(serviceOf(id).coverPageId).toBe(theirs.id);
    expect(pagesOf(id)).toEqual(["Theirs"]);
  });

  test("adopting never takes the service's own page for a declared one, even of the same name and PDF; release puts its stamp back and keeps it", async () => {
    const letterhead = pdf("handmade.pdf", "made by hand");
    const adoptedId = emulator.store.createService(emulator.projectId, { name: "Theirs" }, "seed").id;
    const now = new Date().toISOString();
    const handmade = {
      id: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      name: "Letterhead",
      file: { fileContent: readFileSync(letterhead).toString("base64"), fileType: "PDF" as const },
    };
    emulator.store.change(emulator.projectId, (p) =>
      p.coverPages.push({ ...handmade, projectId: emulator.projectId, serviceId: adoptedId, createdTime: now, updatedTime: now }),
    );
    emulator.store.updateService(emulator.projectId, serviceOf(adoptedId), { coverPageId: handmade.id }, "seed");
    const inputs = await checked({ adopt: adoptedId, coverPages: [{ name: "Letterhead", file: letterhead }], coverPage: "Letterhead" });
    expect(inputs.adoption).toMatchObject({ serviceId: adoptedId, pageIds: [handmade.id], settings: { coverPageId: handmade.id } });
    const { id, outs } = await lifecycle.create(inputs);
    expect(outs.originalPageIds).toEqual([handmade.id]);
    expect(outs.coverPages!.map((p) => p.id)).not.toContain(handmade.id);
    expect(pagesOf(id)).toEqual(["Letterhead", "Letterhead"]);
    // An update that uploads again (a lost answer, say) still never takes it.
    const refreshed = (await lifecycle.read(id, outs)).props!;
    expect(refreshed.coverPages).toEqual(outs.coverPages);
    await lifecycle.remove(id, outs);
    expect(serviceOf(id).coverPageId).toBe(handmade.id);
    expect(
      project()
        .coverPages.filter((p) => p.serviceId === id)
        .map((p) => p.id),
    ).toEqual([handmade.id]);
  });

  test("check rejects a missing file and a non-PDF, before any call", async () => {
    writeFileSync(join(dir, "text.pdf"), "hello");
    const { failures } = await lifecycle.check(
      {},
      {
        name: "S",
        coverPages: [
          { name: "A", file: join(dir, "none.pdf") },
          { name: "B", file: join(dir, "text.pdf") },
        ],
      },
    );
    expect(failures.map((f) => f.reason)).toEqual([
      `coverPages[0] ("A"): no such file: ${join(dir, "none.pdf")}`,
      `coverPages[1] ("B"): ${join(dir, "text.pdf")} is not a PDF (it does not start with %PDF-)`,
    ]);
    expect(emulator.requests).toEqual([]);
  });
});
