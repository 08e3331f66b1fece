import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../emulator";
import { activeNumbersPath, control, createService, rawRequest, servicesPath } from "../helpers/emulator";
import { coverPageBody } from "../helpers/pdf";

const dataFile = () => join(mkdtempSync(join(tmpdir(), "emu-setup-")), "state.json");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the data file keeps the fax set-up", () => {
  test("cover pages' PDFs stay out of the data file: it stays small with 25 pages of 5 MiB; a deleted page's PDF file goes", async () => {
    const file = dataFile();
    const e = await startEmulator({ dataFile: file });
    try {
      const serviceId = await createService(e, { name: "Big" });
      const big = coverPageBody("Big", 5 * 1024 * 1024 - 2000);
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const page = await rawRequest(e, "POST", `${servicesPath(e, serviceId)}/coverPages`, {
          body: JSON.stringify({ ...big, name: `Big ${i}` }),
        });
        expect(page.status).toBe(200);
        ids.push(page.json.id);
      }
      expect(statSync(file).size).toBeLessThan(64 * 1024);
      expect(readdirSync(`${file}.pages`)).toHaveLength(25);
      await rawRequest(e, "DELETE", `${servicesPath(e, serviceId)}/coverPages/${ids[0]}`);
      expect(readdirSync(`${file}.pages`)).not.toContain(`${ids[0]}.b64`);
      expect(readdirSync(`${file}.pages`)).toHaveLength(24);
    } finally {
      await e.close();
    }
  });

  test("a data file of an earlier release, with the PDFs inline, loads, and is moved to the new form", async () => {
    const file = dataFile();
    const first = await startEmulator({ dataFile: file });
    const serviceId = await createService(first, { name: "Old" });
    const cover = await rawRequest(first, "POST", `${servicesPath(first, serviceId)}/coverPages`, {
      body: JSON.stringify(coverPageBody("Old")),
    });
    await first.close();
    const saved = JSON.parse(readFileSync(file, "utf8"));
    saved.projects[first.projectId].coverPages[0].file = coverPageBody("Old").file;
    writeFileSync(file, JSON.stringify(saved));
    rmSync(`${file}.pages`, { recursive: true });
    const second = await startEmulator({ dataFile: file });
    try {
      const got = await rawRequest(second, "GET", `${servicesPath(second, serviceId)}/coverPages/${cover.json.id}`);
      expect(got.json.file).toEqual(coverPageBody("Old").file);
      expect(JSON.parse(readFileSync(file, "utf8")).projects[first.projectId].coverPages[0].file).toEqual({
        fileType: "PDF",
        contentFile: `${cover.json.id}.b64`,
      });
    } finally {
      await second.close();
    }
  });

  test("cover pages (PDF included), emails and active numbers survive a restart; a waiting provisioning resumes", async () => {
    const file = dataFile();
    const first = await startEmulator({ dataFile: file, provisioningDelayMs: 300 });
    const serviceId = await createService(first, { name: "Kept" });
    const cover = await rawRequest(first, "POST", `${servicesPath(first, serviceId)}/coverPages`, {
      body: JSON.stringify(coverPageBody("Kept")),
    });
    first.numbers.seed({ phoneNumber: "+15556000001", voiceConfiguration: { type: "FAX", serviceId } });
    first.numbers.seed({ phoneNumber: "+15556000002" });
    await rawRequest(first, "POST", `${servicesPath(first, serviceId)}/emails`, {
      body: JSON.stringify({ email: "kept@example.com", phoneNumbers: [{ number: "+15556000001" }] }),
    });
    const pending = await rawRequest(first, "PATCH", activeNumbersPath(first, "+15556000002"), {
      body: JSON.stringify({ voiceConfiguration: { type: "FAX", serviceId } }),
    });
    expect(pending.json.voiceConfiguration.scheduledVoiceProvisioning.status).toBe("WAITING");
    await first.close();

    const saved = JSON.parse(readFileSync(file, "utf8")).projects[first.projectId];
    // The PDF is kept beside the data file, written once, not in every rewrite of it.
    expect(saved.coverPages[0].file).toEqual({ fileType: "PDF", contentFile: `${cover.json.id}.b64` });
    expect(readFileSync(join(`${file}.pages`, `${cover.json.id}.b64`), "utf8")).toBe(coverPageBody().file.fileContent);
    expect(saved.emails).toHaveLength(1);
    expect(saved.activeNumbers.map((n: any) => n.scheduled?.status)).toEqual([undefined, "WAITING"]);

    const second = await startEmulator({ dataFile: file });
    try {
      const got = await rawRequest(second, "GET", `${servicesPath(second, serviceId)}/coverPages/${cover.json.id}`);
      expect(got.json).toEqual(cover.json);
      const emails = await rawRequest(second, "GET", `${servicesPath(second, serviceId)}/emails`);
      expect(emails.json.emails.map((e: { email: string }) => e.email)).toEqual(["kept@example.com"]);
      expect((await rawRequest(second, "GET", activeNumbersPath(second, "+15556000002"))).json.voiceConfiguration).toMatchObject({
        type: "RTC",
        scheduledVoiceProvisioning: { status: "WAITING" },
      });
      await sleep(400);
      const numbers = await rawRequest(second, "GET", `${servicesPath(second, serviceId)}/numbers`);
      expect(numbers.json.numbers.map((n: { phoneNumber: string }) => n.phoneNumber)).toEqual(["+15556000001", "+15556000002"]);
    } finally {
      await second.close();
    }
  });

  test("a closed emulator stops provisioning; one overdue at the restart completes at once", async () => {
    const file = dataFile();
    const first = await startEmulator({ dataFile: file, provisioningDelayMs: 50 });
    const serviceId = await createService(first);
    first.numbers.seed({ phoneNumber: "+15556000003" });
    await rawRequest(first, "PATCH", activeNumbersPath(first, "+15556000003"), {
      body: JSON.stringify({ voiceConfiguration: { type: "FAX", serviceId } }),
    });
    await first.close();
    await sleep(150);
    // Nothing was written after the close.
    const saved = JSON.parse(readFileSync(file, "utf8")).projects[first.projectId];
    expect(saved.activeNumbers[0].scheduled.status).toBe("WAITING");
    const second = await startEmulator({ dataFile: file });
    try {
      await sleep(30);
      expect(second.store.listNumbers(second.projectId, serviceId).map((n) => n.phoneNumber)).toEqual(["+15556000003"]);
    } finally {
      await second.close();
    }
  });

  test("an older data file, with numbers kept per service, is upgraded", async () => {
    const file = dataFile();
    const now = new Date().toISOString();
    const service = {
      id: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      projectId: "p-old",
      name: "Old",
      webhookContentType: "multipart/form-data",
      defaultForProject: true,
      numberOfRetries: 3,
      retryDelaySeconds: 60,
      imageConversionMethod: "HALFTONE",
      saveOutboundFaxDocuments: true,
      saveInboundFaxDocuments: true,
      scanIncomingBarcodes: false,
      inProgressNotifications: false,
      resolution: "FINE",
      createdAt: now,
      updatedAt: now,
    };
    const number = {
      phoneNumber: "+15556000009",
      permissions: "send",
      country: "SE",
      suspended: true,
      note: "old",
      projectId: "p-old",
      serviceId: service.id,
    };
    writeFileSync(
      file,
      JSON.stringify({
        keys: [{ projectId: "p-old", keyId: "k-old", keySecret: "s-old" }],
        projects: { "p-old": { services: [service], numbers: [number] } },
        defaultHistory: [],
      }),
    );
    const e = await startEmulator({ dataFile: file });
    try {
      expect(e.store.listNumbers("p-old", service.id)).toEqual([number]);
      const active = await rawRequest(e, "GET", activeNumbersPath(e, number.phoneNumber));
      expect(active.json).toMatchObject({ regionCode: "SE", voiceConfiguration: { type: "FAX", serviceId: service.id } });
      expect((await rawRequest(e, "GET", `${servicesPath(e, service.id)}/coverPages`)).json.totalItems).toBe(0);
    } finally {
      await e.close();
    }
  });

  test("GET /_emulator/state leaves out cover page PDFs and masks callback passwords", async () => {
    const e = await startEmulator();
    try {
      const serviceId = await createService(e);
      await rawRequest(e, "POST", `${servicesPath(e, serviceId)}/coverPages`, { body: JSON.stringify(coverPageBody("Masked", 100)) });
      e.numbers.seed({ phoneNumber: "+15556000004" });
      await rawRequest(e, "PATCH", activeNumbersPath(e, "+15556000004"), {
        body: JSON.stringify({ callbackUrl: "https://user:hunter2@hooks.example/n" }),
      });
      const state = (await control(e, "GET", "state")).json.projects[e.projectId];
      expect(state.coverPages[0].file).toEqual({
        fileType: "PDF",
        bytes: Buffer.from(coverPageBody("Masked", 100).file.fileContent, "base64").length,
      });
      expect(state.activeNumbers[0].callbackUrl).toBe("https://user:***@hooks.example/n");
      expect(JSON.stringify(state)).not.toContain("hunter2");
    } finally {
      await e.close();
    }
  });
});
