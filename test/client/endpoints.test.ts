import { createHash } from "node:crypto";
import { SinchFaxClient } from "../../provider/client";
import { withEmulator } from "../helpers/emulator";
import { type RecordedRequest, type RecordingServer, recordingServer, type ScriptedReply } from "../helpers/recording-server";

// Each method of the client: the request it sends, how it pages, and what it returns.

const SERVICE = { id: "S1", name: "One", defaultForProject: false };
const PDF = Buffer.from("%PDF-1.4 cover");

let s: RecordingServer;
let client: SinchFaxClient;
afterEach(async () => {
  client.close();
  await s.close();
});

async function start(reply: (request: RecordedRequest, index: number) => ScriptedReply): Promise<SinchFaxClient> {
  s = await recordingServer(reply);
  client = new SinchFaxClient({ projectId: "p/1", keyId: "k", keySecret: "secret", baseUrl: s.url, numbersUrl: `${s.url}/n` });
  return client;
}

const sent = () => s.requests.map((r) => `${r.method} ${r.url} ${r.body}`.trim());

describe("the client's endpoints", () => {
  test("numbers, cover pages and fax-to-email: method, path (each id encoded) and body", async () => {
    const number = { phoneNumber: "+15551230000" };
    const email = { email: "a+b@x.example", phoneNumbers: [{ number: "+15551230000", permissions: "send" as const }] };
    await start((r) => {
      if (r.method === "DELETE") return { status: 204 };
      if (r.url.endsWith("/suspend")) return { status: 200, body: { ...number, suspended: true } };
      if (r.url.includes("/coverPages"))
        return { status: 200, body: { id: "C1", name: "cover", file: { fileContent: PDF.toString("base64") } } };
      return { status: 200, body: email };
    });
    expect(await client.suspendNumber("S/1", "+15551230000", { suspended: true, note: "n" })).toEqual({
      ...number,
      permissions: "both",
      suspended: true,
    });
    const page = await client.createCoverPage("S1", { name: "cover", pdf: PDF });
    expect(page).toEqual({ id: "C1", name: "cover", fileSha256: createHash("sha256").update(PDF).digest("hex") });
    await client.deleteCoverPage("S1", "C/1");
    expect(await client.createEmail("S1", email)).toEqual(email);
    expect(await client.setEmailNumbers("S1", "a+b@x.example", email.phoneNumbers)).toEqual(email);
    await client.deleteEmail("S1", "a+b@x.example");
    const base = "/v3/projects/p%2F1/services";
    expect(sent()).toEqual([
      `PATCH ${base}/S%2F1/numbers/%2B15551230000/suspend {"suspended":true,"note":"n"}`,
      `POST ${base}/S1/coverPages {"name":"cover","file":{"fileContent":"${PDF.toString("base64")}","fileType":"PDF"}}`,
      `DELETE ${base}/S1/coverPages/C%2F1`,
      `POST ${base}/S1/emails ${JSON.stringify(email)}`,
      `PUT ${base}/S1/emails/a%2Bb%40x.example {"phoneNumbers":${JSON.stringify(email.phoneNumbers)}}`,
      `DELETE ${base}/S1/emails/a%2Bb%40x.example`,
    ]);
  });

  test("a cover page without content has no digest; a list without pages is empty", async () => {
    await start(() => ({
      status: 200,
      body: {
        coverPages: [
          { id: "C1", name: "a", file: null },
          { id: "C2", name: "b" },
        ],
      },
    }));
    expect(await client.listCoverPages("S1")).toEqual([
      { id: "C1", name: "a", fileSha256: undefined },
      { id: "C2", name: "b", fileSha256: undefined },
    ]);
    expect(sent()).toEqual(["GET /v3/projects/p%2F1/services/S1/coverPages"]);
  });

  test("a list without its items, or with null, is empty; a number without permissions has both", async () => {
    const paging = { page: 1, totalPages: 1, pageSize: 10, totalItems: 0 };
    await start((r) =>
      r.url.includes("/emails")
        ? {
            status: 200,
            body: { ...paging, emails: [{ email: "e@x.example", phoneNumbers: [{ number: "+1555" }] }, { email: "f@x.example" }] },
          }
        : { status: 200, body: { ...paging, numbers: null } },
    );
    expect(await client.listNumbers("S1")).toEqual([]);
    expect(await client.listServicesPage(1)).toEqual({ ...paging, services: [] });
    expect(await client.listCoverPages("S1")).toEqual([]);
    const none = [];
    for await (const number of client.numbers.listActiveNumbers()) none.push(number);
    expect(none).toEqual([]);
    expect(await client.listEmails("S1")).toEqual([
      { email: "e@x.example", phoneNumbers: [{ number: "+1555", permissions: "both" }] },
      { email: "f@x.example", phoneNumbers: [] },
    ]);
  });

  test("lists follow totalPages, and stop at an empty page whatever totalPages says", async () => {
    const pageOf = (key: string, item: unknown) => (r: RecordedRequest) => {
      const page = Number(new URL(r.url, s.url).searchParams.get("page"));
      return { [key]: page <= 2 ? [item, item] : [], page, totalPages: 2, pageSize: 2, totalItems: 4 };
    };
    const number = { phoneNumber: "+1555", permissions: "send" };
    const email = { email: "e@x.example", phoneNumbers: [] };
    const lists: Record<string, (r: RecordedRequest) => unknown> = {
      numbers: pageOf("numbers", number),
      emails: pageOf("emails", email),
      services: pageOf("services", SERVICE),
    };
    await start((r) => ({ status: 200, body: lists[/\/(numbers|emails|services)\?/.exec(r.url)?.[1] ?? "services"]!(r) }));
    expect(await client.listNumbers("S1", 2)).toEqual([number, number, number, number]);
    expect(await client.listEmails("S1", 2)).toEqual([email, email, email, email]);
    const services = [];
    for await (const service of client.listServices(2)) services.push(service);
    expect(services).toHaveLength(4);
    expect(sent()).toEqual(
      ["/S1/numbers", "/S1/emails", ""].flatMap((path) =>
        [1, 2].map((page) => `GET /v3/projects/p%2F1/services${path}?page=${page}&pageSize=2`),
      ),
    );

    // A server that promises pages it does not send: the client stops at the first empty one.
    s.requests.length = 0;
    lists.numbers = () => ({ numbers: [], page: 1, totalPages: 5, pageSize: 2, totalItems: 0 });
    lists.emails = () => ({ emails: [], page: 1, totalPages: 5, pageSize: 2, totalItems: 0 });
    lists.services = () => ({ services: [], page: 1, totalPages: 5, pageSize: 2, totalItems: 0 });
    expect(await client.listNumbers("S1")).toEqual([]);
    expect(await client.listEmails("S1")).toEqual([]);
    for await (const service of client.listServices()) services.push(service);
    expect(s.requests).toHaveLength(3);
    expect(s.requests[0]!.url).toContain("pageSize=1000");
  });

  test("active numbers are listed page after page by token, to an empty token or an empty page", async () => {
    const n = (phoneNumber: string) => ({ phoneNumber });
    const pages: Record<string, unknown> = {
      "": { activeNumbers: [n("+1")], nextPageToken: "t2" },
      t2: { activeNumbers: [n("+2")], nextPageToken: "t3" },
      t3: { activeNumbers: [n("+3")], nextPageToken: "" },
      u1: { activeNumbers: [n("+4")] },
      v1: { activeNumbers: [], nextPageToken: "v2" },
    };
    await start((r) => ({ status: 200, body: pages[new URL(r.url, s.url).searchParams.get("pageToken") ?? ""] }));
    const all = [];
    for await (const number of client.numbers.listActiveNumbers(5)) all.push(number.phoneNumber);
    expect(all).toEqual(["+1", "+2", "+3"]);
    expect(sent()).toEqual(["", "&pageToken=t2", "&pageToken=t3"].map((q) => `GET /n/v1/projects/p%2F1/activeNumbers?pageSize=5${q}`));

    pages[""] = pages.u1;
    for await (const number of client.numbers.listActiveNumbers()) all.push(number.phoneNumber);
    pages[""] = pages.v1;
    for await (const number of client.numbers.listActiveNumbers()) all.push(number.phoneNumber);
    expect(all).toEqual(["+1", "+2", "+3", "+4"]);
    expect(sent().slice(3)).toEqual([1, 2].map(() => "GET /n/v1/projects/p%2F1/activeNumbers?pageSize=1000"));
  });

  test("routeVoice PATCHes the number's voice configuration", async () => {
    await start(() => ({ status: 200, body: { phoneNumber: "+15551230000", voiceConfiguration: { type: "RTC", appId: "a" } } }));
    const number = await client.numbers.routeVoice("+15551230000", { type: "FAX", serviceId: "S1" });
    expect(number.voiceConfiguration?.type).toBe("RTC");
    expect(client.numbers.projectId).toBe("p/1");
    expect(sent()).toEqual([
      'PATCH /n/v1/projects/p%2F1/activeNumbers/%2B15551230000 {"voiceConfiguration":{"type":"FAX","serviceId":"S1"}}',
    ]);
  });
});

describe("lists without items", () => {
  test("a page of fax-to-email addresses without its list is empty, and the last", async () => {
    await start(() => ({ status: 200, body: { page: 1, totalPages: 3, pageSize: 10, totalItems: 0 } }));
    expect(await client.listEmails("S1")).toEqual([]);
    expect(s.requests).toHaveLength(1);
  });
});

describe("reads are GETs", () => {
  test("listing cover pages and fax-to-email addresses is a GET, in what fails too", async () => {
    await start(() => ({ status: 404 }));
    for (const list of [() => client.listCoverPages("S1"), () => client.listEmails("S1")]) {
      await expect(list()).rejects.toMatchObject({ method: "GET", status: 404 });
    }
  });

  test("reading active numbers is a GET, in what fails too", async () => {
    await start(() => ({ status: 404 }));
    await expect(client.numbers.getActiveNumber("+15551230000")).rejects.toThrow(
      "GET /v1/projects/p%2F1/activeNumbers/%2B15551230000 failed with HTTP 404",
    );
    const listing = async () => {
      for await (const _ of client.numbers.listActiveNumbers()) return;
    };
    await expect(listing()).rejects.toThrow("GET /v1/projects/p%2F1/activeNumbers failed with HTTP 404");
  });
});

describe("reads shared by one operation", () => {
  test("one listing serves every read until a write starts or ends; GETs do not count as writes", async () => {
    const fx = await withEmulator();
    try {
      const c = fx.clientWith({ retry: { maxRetries: 0 } });
      const [first] = fx.emulator.store.listServices(fx.emulator.projectId);
      const second = await c.createService({ name: "two" });
      fx.emulator.requests = [];
      expect((await c.listedService(first!.id))?.name).toBe("Default service");
      expect((await c.listedService(second.id))?.name).toBe("two");
      expect(await c.listedService("01ARZ3NDEKTSV4RRFFQ69G5FAV")).toBeUndefined();
      await c.getService(second.id);
      await c.updateService(second.id, { name: "renamed" });
      expect((await c.listedService(second.id))?.name).toBe("renamed");
      // A write that failed changed the generation all the same.
      await expect(c.deleteService("01ARZ3NDEKTSV4RRFFQ69G5FAV")).rejects.toMatchObject({ status: 404 });
      await c.listedService(second.id);
      expect(fx.emulator.requests.map((r) => r.operation)).toEqual(["list", "get", "update", "list", "delete", "list"]);
      expect(fx.emulator.requests[0]!.query).toEqual({ page: "1", pageSize: "1000" });
    } finally {
      await fx.close();
    }
  });

  test("a read made while a write is under way does not serve the reads after it", async () => {
    const fx = await withEmulator();
    try {
      const c = fx.clientWith({ retry: { maxRetries: 0 } });
      const [first] = fx.emulator.store.listServices(fx.emulator.projectId);
      fx.emulator.requests = [];
      const update = c.updateService(first!.id, { name: "renamed" });
      await c.listedService(first!.id);
      await update;
      expect((await c.listedService(first!.id))?.name).toBe("renamed");
      expect(fx.emulator.requests.map((r) => r.operation).sort()).toEqual(["list", "list", "update"]);
    } finally {
      await fx.close();
    }
  });

  test("another project's client shares the connections and keeps its own listing; the same project is the same client", async () => {
    const fx = await withEmulator();
    try {
      const c = fx.clientWith({ retry: { maxRetries: 0 } });
      expect(c.forProject(fx.emulator.projectId)).toBe(c);
      const other = c.forProject("other project");
      expect(other.projectId).toBe("other project");
      expect(other.maxRetries).toBe(0);
      expect(c.maxRetries).toBe(0);
      await c.listedService("x");
      const error = await other.listedService("x").catch((e) => e);
      expect(error).toMatchObject({ status: 401, path: "/v3/projects/other%20project/services" });
      expect(await c.findService("01ARZ3NDEKTSV4RRFFQ69G5FAV")).toBeUndefined();
      await expect(other.findService("x")).rejects.toMatchObject({ status: 401 });
    } finally {
      await fx.close();
    }
  });
});
