import { startEmulator } from "../../emulator";
import { MAX_LOGGED_STRING } from "../../emulator/request-log";
import { control, createService, rawRequest, servicesPath } from "../helpers/emulator";
import { coverPageBody } from "../helpers/pdf";

// The request log stays bounded however a long run or a hostile client uses the emulator (issue 21).
describe("the emulator's request log", () => {
  test("80 uploads of a 5 MiB page keep the log small, and /_emulator/requests answers", async () => {
    const e = await startEmulator();
    try {
      const serviceId = await createService(e, { name: "Pages" });
      const big = coverPageBody("Big", 5 * 1024 * 1024 - 2000);
      for (let i = 0; i < 80; i++) {
        const page = await rawRequest(e, "POST", `${servicesPath(e, serviceId)}/coverPages`, { body: JSON.stringify(big) });
        expect(page.status).toBe(200);
        await rawRequest(e, "DELETE", `${servicesPath(e, serviceId)}/coverPages/${page.json.id}`);
      }
      expect(JSON.stringify(e.requests).length).toBeLessThan(200 * 1024);
      const upload = e.requests.find((r) => r.operation === "cover-create")!;
      expect(upload.body).toEqual({
        name: "Big",
        file: { fileContent: `[${big.file.fileContent.length} characters, not kept]`, fileType: "PDF" },
      });
      const listed = await control(e, "GET", "requests");
      expect(listed.status).toBe(200);
      expect(listed.json.requests).toHaveLength(161);
    } finally {
      await e.close();
    }
  });

  test("a request refused for its credentials is logged without its body", async () => {
    const e = await startEmulator();
    try {
      const megabyte = JSON.stringify({ name: "x".repeat(1024 * 1024 - 100) });
      for (let i = 0; i < 3; i++) {
        expect((await rawRequest(e, "POST", servicesPath(e), { body: megabyte, auth: null })).status).toBe(401);
      }
      expect(e.requests.map((r) => [r.status, r.body])).toEqual([
        [401, undefined],
        [401, undefined],
        [401, undefined],
      ]);
    } finally {
      await e.close();
    }
  });

  test("short strings are kept as sent; the log keeps the latest requestLogSize requests", async () => {
    const e = await startEmulator({ requestLogSize: 5 });
    try {
      const name = "n".repeat(MAX_LOGGED_STRING);
      for (let i = 0; i < 8; i++)
        await rawRequest(e, "POST", servicesPath(e), { body: JSON.stringify({ name: i === 7 ? name : `S${i}` }) });
      expect(e.requests.map((r) => r.seq)).toEqual([4, 5, 6, 7, 8]);
      expect(e.requests.at(-1)!.body).toEqual({ name });
      await rawRequest(e, "POST", servicesPath(e), { body: `not json ${"x".repeat(MAX_LOGGED_STRING)}` });
      expect(e.requests.at(-1)!.body).toBe(`[${MAX_LOGGED_STRING + 9} characters, not kept]`);
    } finally {
      await e.close();
    }
  });
});
