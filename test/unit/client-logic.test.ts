import { normalizeOptions, regionUrl } from "../../provider/client/options";
import { RateGovernor } from "../../provider/client/rate-governor";
import { backoffMs, decideRetry, nextDelayMs, parseRetryAfter } from "../../provider/client/retry";

const base = { projectId: "p", keyId: "k", keySecret: "s" };

describe("options", () => {
  test("base URL: explicit, then region, then global", () => {
    expect(normalizeOptions(base).baseUrl).toBe("https://fax.api.sinch.com");
    expect(normalizeOptions({ ...base, region: "eu1" }).baseUrl).toBe("https://eu1.fax.api.sinch.com");
    expect(normalizeOptions({ ...base, region: "eu1", baseUrl: "http://127.0.0.1:9/" }).baseUrl).toBe("http://127.0.0.1:9");
    expect(["use1", "eu1", "sae1", "apse1", "apse2"].map((r) => regionUrl(r as never))).toEqual([
      "https://use1.fax.api.sinch.com",
      "https://eu1.fax.api.sinch.com",
      "https://sae1.fax.api.sinch.com",
      "https://apse1.fax.api.sinch.com",
      "https://apse2.fax.api.sinch.com",
    ]);
  });

  test("defaults", () => {
    expect(normalizeOptions(base)).toMatchObject({
      auth: "basic",
      authUrl: "https://auth.sinch.com/oauth2/token",
      timeoutMs: 30000,
      pageSize: 1000,
      retry: { maxRetries: 6, baseDelayMs: 250, maxDelayMs: 20000 },
    });
  });

  test.each([
    [{ ...base, keySecret: "" }, "keySecret is required"],
    [{ ...base, region: "mars" as never }, 'unknown region "mars"'],
    [{ ...base, auth: "digest" as never }, 'auth must be "basic" or "oauth2"'],
    [{ ...base, baseUrl: "nope" }, "baseUrl is not a URL"],
    [{ ...base, baseUrl: "ftp://x" }, "baseUrl must be an http(s) URL"],
    [{ ...base, authUrl: "https://u:p@auth.example" }, "authUrl must not hold credentials"],
    [{ ...base, projectId: "" }, "Sinch Fax client: projectId is required"],
    [{ ...base, keyId: undefined as never }, "Sinch Fax client: keyId is required"],
    [{ ...base, region: "mars" as never }, 'unknown region "mars" (use one of use1, eu1, sae1, apse1, apse2)'],
    [{ ...base, auth: "digest" as never }, 'auth must be "basic" or "oauth2", not "digest"'],
    [{ ...base, numbersUrl: "numbers" }, "Sinch Fax client: numbersUrl is not a URL: numbers"],
    [{ ...base, authUrl: "file:///etc/passwd" }, "authUrl must be an http(s) URL"],
    [{ ...base, baseUrl: "https://user@fax.example" }, "baseUrl must not hold credentials"],
    [{ ...base, numbersUrl: "https://:pw@numbers.example" }, "numbersUrl must not hold credentials"],
  ])("rejects %j", (options, message) => {
    expect(() => normalizeOptions(options)).toThrow(message);
  });

  test("keeps what is given: both auth kinds, http and https, trailing slashes dropped from the API URLs only", () => {
    const given = normalizeOptions({
      ...base,
      auth: "oauth2",
      baseUrl: "http://127.0.0.1:9//",
      numbersUrl: "https://numbers.example/v//",
      authUrl: "https://auth.example/token/",
      timeoutMs: 5,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 2 },
      pageSize: 20,
    });
    expect(given).toEqual({
      ...base,
      auth: "oauth2",
      baseUrl: "http://127.0.0.1:9",
      numbersUrl: "https://numbers.example/v",
      authUrl: "https://auth.example/token/",
      timeoutMs: 5,
      retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 2 },
      pageSize: 20,
    });
    expect(normalizeOptions({ ...base, auth: "basic" }).auth).toBe("basic");
    expect(normalizeOptions(base).numbersUrl).toBe("https://numbers.api.sinch.com");
  });

  test.each([
    [0, 1],
    [-5, 1],
    [1, 1],
    [1000, 1000],
    [5000, 1000],
  ])("a page size of %i asks for pages of %i", (pageSize, expected) => {
    expect(normalizeOptions({ ...base, pageSize }).pageSize).toBe(expected);
  });
});

describe("retry decisions", () => {
  test.each([
    [true, { status: 429 }, "retry"],
    [false, { status: 429 }, "retry"],
    [true, { status: 502 }, "retry"],
    [true, { status: 503 }, "retry"],
    [true, { status: 504 }, "retry"],
    [false, { status: 503 }, "outcome-unknown"],
    [false, { status: 500 }, "outcome-unknown"],
    [true, { status: 500 }, "fail"],
    [true, { status: 404 }, "fail"],
    [false, { status: 422 }, "fail"],
    [false, { networkCode: "ECONNREFUSED" }, "retry"],
    [false, { networkCode: "ECONNRESET" }, "outcome-unknown"],
    [true, { networkCode: "ECONNRESET" }, "retry"],
    [false, { networkCode: undefined }, "outcome-unknown"],
    [false, { timeout: true }, "outcome-unknown"],
    [true, { timeout: true }, "retry"],
  ] as const)("idempotent=%s %j -> %s", (idempotent, failure, decision) => {
    expect(decideRetry(idempotent, failure)).toBe(decision);
  });

  const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  test("backoff doubles, is capped, and jitters between half and all of its ceiling", () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffMs(a, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
  });

  test("Retry-After in seconds or as a date wins over backoff, capped", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:02 GMT", now)).toBe(2000);
    expect(parseRetryAfter("Wed, 31 Dec 2025 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(nextDelayMs(0, policy, 700)).toBe(700);
    expect(nextDelayMs(0, policy, 60_000)).toBe(1000);
    expect(nextDelayMs(2, policy, undefined, () => 1)).toBe(400);
  });
});

describe("rate governor", () => {
  let clock = 0;
  beforeEach(() => {
    jest.useFakeTimers();
    clock = 1_000_000;
    jest.setSystemTime(clock);
  });
  afterEach(() => jest.useRealTimers());

  const released = (governor: RateGovernor, n: number) => {
    const order: number[] = [];
    for (let i = 0; i < n; i++) void governor.acquire().then(() => order.push(i));
    return order;
  };

  test("unpaced until the first 429", async () => {
    const governor = new RateGovernor();
    const order = released(governor, 50);
    await Promise.resolve();
    expect(order).toHaveLength(50);
    expect(governor.rate).toBe(Infinity);
  });

  test("after a 429 it paces at 1.25 times the best second, in order, and calms down after 10 s", async () => {
    const governor = new RateGovernor();
    for (let i = 0; i < 8; i++) governor.onSuccess();
    governor.onThrottled();
    expect(governor.rate).toBe(10);
    const order = released(governor, 10);
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toEqual([0]);
    await jest.advanceTimersByTimeAsync(450);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    await jest.advanceTimersByTimeAsync(500);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(governor.rate).toBe(Infinity);
  });

  test("never paces below 2 a second, and follows what succeeds", async () => {
    const governor = new RateGovernor();
    governor.onThrottled();
    expect(governor.rate).toBe(2);
    for (let i = 0; i < 40; i++) governor.onSuccess();
    governor.onThrottled();
    expect(governor.rate).toBe(50);
    // Older than three seconds no longer counts.
    await jest.advanceTimersByTimeAsync(3000);
    governor.onSuccess();
    governor.onThrottled();
    expect(governor.rate).toBe(2);
  });

  test("a second's successes count together, for three seconds", async () => {
    const governor = new RateGovernor();
    for (let i = 0; i < 4; i++) governor.onSuccess();
    await jest.advanceTimersByTimeAsync(999);
    for (let i = 0; i < 4; i++) governor.onSuccess();
    await jest.advanceTimersByTimeAsync(2_000);
    governor.onThrottled();
    expect(governor.rate).toBe(10);
    await jest.advanceTimersByTimeAsync(1);
    governor.onThrottled();
    expect(governor.rate).toBe(2);
  });

  test("pacing lasts 10 s after the last 429, to the millisecond", async () => {
    const governor = new RateGovernor();
    governor.onThrottled();
    await jest.advanceTimersByTimeAsync(9_999);
    expect(governor.rate).toBe(2);
    await jest.advanceTimersByTimeAsync(1);
    expect(governor.rate).toBe(Infinity);
  });

  test("callers still queued when the calm returns leave before any newcomer, all at once", async () => {
    const governor = new RateGovernor();
    governor.onThrottled();
    await jest.advanceTimersByTimeAsync(250);
    // At 2 a second from 250 ms: the 21st caller is due at 10 250 ms, after the calm has returned.
    const order = released(governor, 21);
    await jest.advanceTimersByTimeAsync(9_800);
    expect([order.length, governor.rate]).toEqual([20, Infinity]);
    void governor.acquire().then(() => order.push(99));
    await jest.advanceTimersByTimeAsync(0);
    expect(order).toHaveLength(20);
    await jest.advanceTimersByTimeAsync(200);
    expect(order.slice(-2)).toEqual([20, 99]);
  });
});
