import { control, createService, type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

describe("emulator fax-to-email", () => {
  let fx: EmulatorFixture;
  let serviceId: string;
  const A = "+15553000001";
  const B = "+15553000002";
  const C = "+15553000003";
  beforeEach(async () => {
    fx = await withEmulator();
    serviceId = await createService(fx.emulator, { name: "Mail" });
    for (const phoneNumber of [A, B, C])
      expect((await control(fx.emulator, "POST", "numbers", { serviceId, phoneNumber })).status).toBe(200);
  });
  afterEach(() => fx.close());

  const emailsPath = (id = serviceId) => `${servicesPath(fx.emulator, id)}/emails`;
  const emailPath = (email: string, id = serviceId) => `${emailsPath(id)}/${encodeURIComponent(email)}`;
  const create = (body: unknown, id = serviceId) => rawRequest(fx.emulator, "POST", emailsPath(id), { body: JSON.stringify(body) });
  const put = (email: string, body: unknown) => rawRequest(fx.emulator, "PUT", emailPath(email), { body: JSON.stringify(body) });
  const violations = (res: { json: any }) => res.json.details[0].fieldViolations;

  test("create answers 201 with permissions defaulting to both; list, replace and delete", async () => {
    const created = await create({ email: "fax@example.com", phoneNumbers: [{ number: A }, { number: B, permissions: "send" }] });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      email: "fax@example.com",
      phoneNumbers: [
        { number: A, permissions: "both" },
        { number: B, permissions: "send" },
      ],
      projectId: fx.emulator.projectId,
      createdAt: expect.any(String),
      updatedAt: created.json.createdAt,
    });
    const list = await rawRequest(fx.emulator, "GET", emailsPath());
    expect(list.json).toEqual({ emails: [created.json], page: 1, totalPages: 1, pageSize: 100, totalItems: 1 });
    // PUT replaces the whole list.
    const replaced = await put("fax@example.com", { phoneNumbers: [{ number: C, permissions: "receive" }] });
    expect(replaced.status).toBe(200);
    expect(replaced.json.phoneNumbers).toEqual([{ number: C, permissions: "receive" }]);
    expect(replaced.json.createdAt).toBe(created.json.createdAt);
    expect((await put("fax@example.com", { phoneNumbers: [] })).json.phoneNumbers).toEqual([]);
    const del = await rawRequest(fx.emulator, "DELETE", emailPath("fax@example.com"));
    expect([del.status, del.text]).toEqual([204, ""]);
    expect((await rawRequest(fx.emulator, "DELETE", emailPath("fax@example.com"))).status).toBe(404);
    expect((await put("fax@example.com", { phoneNumbers: [] })).status).toBe(404);
  });

  test("the address in the path is URL-decoded, and found whatever its case", async () => {
    const email = "first.last+fax@example.com";
    await create({ email, phoneNumbers: [{ number: A }] });
    const encoded = `${emailsPath()}/first.last%2Bfax%40example.com`;
    expect((await rawRequest(fx.emulator, "PUT", encoded, { body: '{"phoneNumbers":[]}' })).status).toBe(200);
    const raw = `${emailsPath()}/first.last+fax@example.com/numbers`;
    expect((await rawRequest(fx.emulator, "GET", raw)).status).toBe(200);
    expect((await rawRequest(fx.emulator, "DELETE", emailPath("First.Last+Fax@Example.COM"))).status).toBe(204);
  });

  test("an address the service has already, in any case, is a 409; another service may have it", async () => {
    await create({ email: "dup@example.com", phoneNumbers: [{ number: A }] });
    const again = await create({ email: "DUP@example.com", phoneNumbers: [{ number: B }] });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ code: 409, status: "ALREADY_EXISTS" });
    const other = await createService(fx.emulator, { name: "Other" });
    expect((await create({ email: "dup@example.com", phoneNumbers: [] }, other)).status).toBe(201);
  });

  test.each([
    ["email", "is required", { phoneNumbers: [] }],
    ["phoneNumbers", "is required", { email: "a@example.com" }],
    ["email", "must be an email address", { email: "not-an-email", phoneNumbers: [] }],
    ["email", "must be an email address", { email: "a@localhost", phoneNumbers: [] }],
    ["email", "must be an email address", { email: "a b@example.com", phoneNumbers: [] }],
    ["email", "must be an email address", { email: 5, phoneNumbers: [] }],
    ["email", "must be an email address", { email: ["a@example.com"], phoneNumbers: [] }],
    ["email", "must be an email address", { email: `${"a".repeat(243)}@example.com`, phoneNumbers: [] }],
    ["phoneNumbers", "must be an array of numbers", { email: "a@example.com", phoneNumbers: null }],
    ["phoneNumbers[0]", "must be an object with number and permissions", { email: "a@example.com", phoneNumbers: ["+15553000001"] }],
    ["phoneNumbers[0]", "must be an object with number and permissions", { email: "a@example.com", phoneNumbers: [null] }],
    ["phoneNumbers[0].number", "is required", { email: "a@example.com", phoneNumbers: [{ permissions: "both" }] }],
    ["phoneNumbers[0].number", "must be a phone number in E.164 format", { email: "a@example.com", phoneNumbers: [{ number: [A] }] }],
    [
      "phoneNumbers[0].permissions",
      "must be one of both, send, receive",
      { email: "a@example.com", phoneNumbers: [{ number: A, permissions: ["both"] }] },
    ],
    [
      "phoneNumbers[0].number",
      "must be a phone number in E.164 format",
      { email: "a@example.com", phoneNumbers: [{ number: "5553000001" }] },
    ],
    [
      "phoneNumbers[0].permissions",
      "must be one of both, send, receive",
      { email: "a@example.com", phoneNumbers: [{ number: A, permissions: "all" }] },
    ],
    ["phoneNumbers[0].note", "is not a field of a number", { email: "a@example.com", phoneNumbers: [{ number: A, note: "x" }] }],
    [
      "phoneNumbers[0].number",
      "+15559999999 is not a number of this service",
      { email: "a@example.com", phoneNumbers: [{ number: "+15559999999" }] },
    ],
    [
      "phoneNumbers[1].number",
      `${A} is listed more than once`,
      { email: "a@example.com", phoneNumbers: [{ number: A }, { number: A, permissions: "send" }] },
    ],
    ["createdAt", "is read-only", { email: "a@example.com", phoneNumbers: [], createdAt: "2020-01-01T00:00:00Z" }],
    ["colour", "is not a field of an email", { email: "a@example.com", phoneNumbers: [], colour: "red" }],
  ])("create refuses with 422: %s %s", async (field, description, body) => {
    const res = await create(body);
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ code: 422, status: "INVALID_ARGUMENT" });
    expect(violations(res)).toEqual([{ field, description }]);
    expect((await rawRequest(fx.emulator, "GET", emailsPath())).json.totalItems).toBe(0);
  });

  test("an address of 254 characters is accepted; a number of another service listed twice is named twice", async () => {
    const longest = `${"a".repeat(242)}@example.com`;
    expect((await create({ email: longest, phoneNumbers: [] })).status).toBe(201);
    const foreign = "+15559999999";
    const res = await create({ email: "b@example.com", phoneNumbers: [{ number: foreign }, { number: foreign }] });
    expect([res.status, violations(res)]).toEqual([
      422,
      [
        { field: "phoneNumbers[0].number", description: `${foreign} is not a number of this service` },
        { field: "phoneNumbers[1].number", description: `${foreign} is listed more than once` },
      ],
    ]);
  });

  test("update follows the same rules, and takes only phoneNumbers", async () => {
    await create({ email: "u@example.com", phoneNumbers: [{ number: A }] });
    const cases: [unknown, { field: string; description: string }][] = [
      [{}, { field: "phoneNumbers", description: "is required" }],
      [
        { phoneNumbers: [{ number: "+15559999999" }] },
        { field: "phoneNumbers[0].number", description: "+15559999999 is not a number of this service" },
      ],
      [
        { email: "v@example.com", phoneNumbers: [] },
        { field: "email", description: "is not a field of an email update" },
      ],
      [
        { phoneNumbers: [], createdAt: "2020-01-01T00:00:00Z" },
        { field: "createdAt", description: "is not a field of an email update" },
      ],
    ];
    for (const [body, violation] of cases) {
      const res = await put("u@example.com", body);
      expect([res.status, violations(res)]).toEqual([422, [violation]]);
    }
    expect((await rawRequest(fx.emulator, "GET", emailsPath())).json.emails[0].phoneNumbers).toEqual([{ number: A, permissions: "both" }]);
  });

  test("lists page with page and pageSize (default 100)", async () => {
    for (let i = 0; i < 5; i++) await create({ email: `u${i}@example.com`, phoneNumbers: [] });
    const page = await rawRequest(fx.emulator, "GET", `${emailsPath()}?page=2&pageSize=2`);
    expect(page.json).toMatchObject({ page: 2, pageSize: 2, totalPages: 3, totalItems: 5 });
    expect(page.json.emails.map((e: { email: string }) => e.email)).toEqual(["u2@example.com", "u3@example.com"]);
    for (const q of ["pageSize=1001", "page=0"]) expect((await rawRequest(fx.emulator, "GET", `${emailsPath()}?${q}`)).status).toBe(400);
  });

  test("the numbers of an address, and the addresses of a number", async () => {
    fx.emulator.store.attachNumber({
      phoneNumber: C,
      permissions: "both",
      country: "SE",
      suspended: true,
      note: "paused",
      projectId: fx.emulator.projectId,
      serviceId,
    });
    await create({ email: "one@example.com", phoneNumbers: [{ number: A, permissions: "receive" }, { number: C }] });
    await create({ email: "two@example.com", phoneNumbers: [{ number: C, permissions: "send" }] });
    const numbers = await rawRequest(fx.emulator, "GET", `${emailPath("one@example.com")}/numbers`);
    expect(numbers.json).toEqual({
      phoneNumbers: [
        { phoneNumber: A, permissions: "receive", country: "US", suspended: false, projectId: fx.emulator.projectId, serviceId },
        {
          phoneNumber: C,
          permissions: "both",
          country: "SE",
          suspended: true,
          note: "paused",
          projectId: fx.emulator.projectId,
          serviceId,
        },
      ],
      page: 1,
      totalPages: 1,
      pageSize: 20,
      totalItems: 2,
    });
    const second = await rawRequest(fx.emulator, "GET", `${emailPath("one@example.com")}/numbers?pageSize=1&page=2`);
    expect(second.json.phoneNumbers.map((n: { phoneNumber: string }) => n.phoneNumber)).toEqual([C]);
    const ofC = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, serviceId)}/numbers/${encodeURIComponent(C)}/emails`);
    expect(ofC.json).toEqual({ emails: ["one@example.com", "two@example.com"], page: 1, totalPages: 1, pageSize: 100, totalItems: 2 });
    const ofB = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, serviceId)}/numbers/${B}/emails`);
    expect(ofB.json.emails).toEqual([]);
    const notOnService = await rawRequest(fx.emulator, "GET", `${servicesPath(fx.emulator, serviceId)}/numbers/+15559999999/emails`);
    expect(notOnService.status).toBe(404);
    expect((await rawRequest(fx.emulator, "GET", `${emailPath("nobody@example.com")}/numbers`)).status).toBe(404);
  });

  test("a number that leaves the service leaves its addresses; deleting the service deletes them", async () => {
    await create({ email: "m@example.com", phoneNumbers: [{ number: A }, { number: B }] });
    const other = await createService(fx.emulator, { name: "Other" });
    await control(fx.emulator, "POST", "numbers", { serviceId: other, phoneNumber: A });
    const after = await rawRequest(fx.emulator, "GET", emailsPath());
    expect(after.json.emails[0].phoneNumbers).toEqual([{ number: B, permissions: "both" }]);
    expect((await rawRequest(fx.emulator, "DELETE", servicesPath(fx.emulator, serviceId))).status).toBe(204);
    expect(fx.emulator.store.projectState(fx.emulator.projectId).emails).toEqual([]);
    expect((await rawRequest(fx.emulator, "GET", emailsPath())).status).toBe(404);
  });
});
