import { redact } from "../../provider/core/operation-errors";
import { webhookPassword } from "../../provider/fields/webhook";
import { DEFAULTS } from "../../provider/resources/fax-service/fields";
import { inputsOf, numbersOf, pagesMoved, stateOf, withPages } from "../../provider/resources/fax-service/state";
import { checkInputs } from "../../provider/resources/fax-service/validate";

// What keeps a webhook password out of messages, what a malformed id or number
// meets at check, and what state records of a service's numbers and dates.

describe("a webhook password never reaches a message", () => {
  test.each([
    ["https://alice:hunter2@hooks.example/in", "hunter2"],
    ["HTTPS://carol:pw!x@h/x", "pw!x"],
    ["gopher://dave:abc@h", "abc"],
  ])("the password of %s is %s", (url, password) => {
    expect(webhookPassword(url)).toBe(password);
  });

  test.each([
    ["https://h/x"],
    ["https://alice@h/x"],
    ["https://alice:@h/x"],
    ["not a url"],
    [42],
    [undefined],
    [{ toString: () => "https://a:pw@h" }],
  ])("%j has no password to hide", (url) => {
    expect(webhookPassword(url)).toBeUndefined();
  });

  test("an error echoing the webhook URL shows [secret] in place of its password, every time it appears", () => {
    const url = "https://alice:hunter2@hooks.example/in";
    const text = `Fax service "A": PATCH failed: ${url} refused (hunter2)`;
    const shown = redact(text, [webhookPassword(url)]);
    expect(shown).toBe('Fax service "A": PATCH failed: https://alice:[secret]@hooks.example/in refused ([secret])');
  });

  test("a three-character password is hidden too; an absent one changes nothing", () => {
    expect(redact("https://a:abc@h failed", [webhookPassword("https://a:abc@h")])).toBe("https://a:[secret]@h failed");
    expect(redact("https://h failed", [webhookPassword("https://h"), undefined])).toBe("https://h failed");
    // An empty or two-character "secret" would mangle the whole message: it is left alone.
    expect(redact("abc", ["", "ab"])).toBe("abc");
  });
});

describe("check: exact messages for malformed ids, numbers and choices", () => {
  const check = (news: Record<string, unknown>) => checkInputs(news, "proj-1", "no project configured").failures;
  const ulid = "01ARZ3NDEKTSV4RRFFQ69G5FAV";

  test.each([
    ["defaultFrom", "x+15551234567", 'defaultFrom must be a phone number in E.164 format, like +15551234567 (got "x+15551234567")'],
    ["defaultFrom", "+15551234567x", 'defaultFrom must be a phone number in E.164 format, like +15551234567 (got "+15551234567x")'],
    ["coverPageId", `X${ulid}`, `coverPageId must be a cover page id (a ULID) (got "X${ulid}")`],
    ["coverPageId", `${ulid}X`, `coverPageId must be a cover page id (a ULID) (got "${ulid}X")`],
    ["adopt", `x${ulid}`, `adopt must be "default" or a service id (a ULID) (got "x${ulid}")`],
    ["adopt", "defaults", 'adopt must be "default" or a service id (a ULID) (got "defaults")'],
    ["adopt", 7, 'adopt must be "default" or a service id (a ULID) (got 7)'],
    ["resolution", "fine", 'resolution must be one of FINE, SUPERFINE (got "fine")'],
    ["numberOfRetries", 1.5, "numberOfRetries must be a whole number from 0 to 5 (got 1.5)"],
    ["numberOfRetries", 6, "numberOfRetries must be a whole number from 0 to 5 (got 6)"],
    ["retryDelaySeconds", "60", 'retryDelaySeconds must be a whole number from 30 to 300 (got "60")'],
  ])("%s = %j fails with exactly: %s", (property, value, reason) => {
    expect(check({ [property]: value })).toEqual([{ property, reason }]);
  });

  test("a well-formed number, id and adoption pass", () => {
    expect(check({ defaultFrom: "+15551234567", coverPageId: ulid, adopt: ulid })).toEqual([]);
  });
});

describe("state of a service's numbers and dates", () => {
  test("a number keeps what Sinch says of it, and only that", () => {
    const numbers = numbersOf([
      {
        phoneNumber: "+15550000001",
        permissions: "both",
        country: "US",
        suspended: false,
        note: "front desk",
        serviceId: "S",
        projectId: "p",
      } as never,
      { phoneNumber: "+15550000002", permissions: "send", suspended: true } as never,
      { phoneNumber: "+15550000003", permissions: "receive" } as never,
    ]);
    expect(numbers).toStrictEqual([
      { phoneNumber: "+15550000001", permissions: "both", country: "US", suspended: false, note: "front desk" },
      { phoneNumber: "+15550000002", permissions: "send", suspended: true },
      { phoneNumber: "+15550000003", permissions: "receive" },
    ]);
  });

  test("createdAt and updatedAt come from Sinch, absent when Sinch gives none; the bookkeeping is kept", () => {
    const extras = { projectId: "p", numbers: [], adopted: true, adopt: "default", originalSettings: { name: "Before" } };
    const dated = stateOf(
      { id: "S", name: "A", defaultForProject: false, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-02T00:00:00Z" },
      extras,
    );
    expect(dated).toStrictEqual({
      ...DEFAULTS,
      name: "A",
      projectId: "p",
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-02T00:00:00Z",
      numbers: [],
      adopt: "default",
      adopted: true,
      originalSettings: { name: "Before" },
    });
    const undated = stateOf({ id: "S", name: "A", defaultForProject: false }, { projectId: "p", numbers: [], adopted: false });
    expect(undated).toStrictEqual({ ...DEFAULTS, name: "A", projectId: "p", numbers: [], adopted: false });
  });

  test("state keeps the user's secret webhook while Sinch's masked form matches it, else what Sinch reports", () => {
    const extras = (knownWebhook?: string) => ({ projectId: "p", numbers: [], adopted: false, knownWebhook });
    const service = (incomingWebhookUrl?: string) => ({
      id: "S",
      name: "A",
      defaultForProject: false,
      ...(incomingWebhookUrl ? { incomingWebhookUrl } : {}),
    });
    expect(stateOf(service("https://u:***@h/x"), extras("https://u:pw@h/x")).incomingWebhookUrl).toBe("https://u:pw@h/x");
    expect(stateOf(service("https://u:***@h/y"), extras("https://u:pw@h/x")).incomingWebhookUrl).toBe("https://u:***@h/y");
    expect(stateOf(service("https://h/x"), extras()).incomingWebhookUrl).toBe("https://h/x");
    expect(stateOf(service(), extras("https://u:pw@h/x"))).not.toHaveProperty("incomingWebhookUrl");
  });
});

describe("state of a service's cover pages, and the inputs a refresh reports", () => {
  const page = (id: string, name = `page ${id}`) => ({ name, file: `pages/${id}.pdf`, sha256: "ab", size: 1, id });
  const base = stateOf({ id: "S", name: "A", defaultForProject: false }, { projectId: "p", numbers: [], adopted: false });

  test("state lists the stack's pages, and the stamped one only while there are pages", () => {
    const two = [page("P1"), page("P2")];
    expect(withPages(base, two, "page P1")).toStrictEqual({ ...base, coverPages: two, coverPage: "page P1" });
    expect(withPages(base, two, undefined)).toStrictEqual({ ...base, coverPages: two });
    const before = { ...base, coverPages: two, coverPage: "page P1" };
    expect(withPages(before, [], "page P1")).toStrictEqual(base);
    expect(withPages(before, [page("P3")], undefined)).toStrictEqual({ ...base, coverPages: [page("P3")] });
  });

  test("the pages moved when their ids differ, in whatever order", () => {
    expect(pagesMoved([page("A"), page("B")], [page("B"), page("A")])).toBe(false);
    expect(pagesMoved([page("A")], [page("A"), page("B")])).toBe(true);
    expect(pagesMoved([page("A")], [page("C")])).toBe(true);
    expect(pagesMoved(undefined, [])).toBe(false);
    expect(pagesMoved(undefined, [page("A")])).toBe(true);
    // Ids are compared whole, not as one string.
    expect(pagesMoved([page("A"), page("BC")], [page("AB"), page("C")])).toBe(true);
  });

  test("a refresh reports the live fields, the pages as declared (name and file), the stamp instead of its id, and the adoption", () => {
    const state = { ...withPages({ ...base, coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" }, [page("P1")], "page P1"), adopt: "default" };
    expect(inputsOf(state)).toStrictEqual({
      name: "A",
      coverPages: [{ name: "page P1", file: "pages/P1.pdf" }],
      coverPage: "page P1",
      projectId: "p",
      adopt: "default",
    });
    // An empty list of pages (from an older state) is no pages at all.
    expect(inputsOf({ ...base, coverPages: [] })).not.toHaveProperty("coverPages");
    // A field a state does not hold (one written by an earlier release) is not reported at all.
    const { webhookContentType: _dropped, ...older } = base;
    expect(inputsOf(older as typeof base)).toStrictEqual({ name: "A", projectId: "p" });
    expect(inputsOf({ ...base, coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV" })).toStrictEqual({
      name: "A",
      coverPageId: "01ARZ3NDEKTSV4RRFFQ69G5FAV",
      projectId: "p",
    });
  });
});
