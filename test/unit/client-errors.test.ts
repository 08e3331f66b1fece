import {
  isRefusal,
  isSinchFaxError,
  isSinchHttpError,
  SinchHttpError,
  SinchNetworkError,
  SinchResponseError,
  withoutCredentials,
} from "../../provider/client/errors";
import { decideRetry, parseRetryAfter } from "../../provider/client/retry";

// What a caller of the client reads in its errors, and which failures it retries.

const http = (status: number, extra: object = {}) =>
  new SinchHttpError({ method: "PATCH", path: "/v3/projects/p/services/S", status, ...extra });

describe("the client's errors", () => {
  test("an error status names the call, Sinch's status name, its message and each rejected field", () => {
    const error = http(400, {
      statusName: "INVALID_ARGUMENT",
      sinchMessage: "Invalid request",
      fieldViolations: [
        { field: "name", description: "too long" },
        { field: "resolution", description: "unknown value" },
      ],
    });
    expect(error.message).toBe(
      "PATCH /v3/projects/p/services/S failed with HTTP 400 INVALID_ARGUMENT: Invalid request (name: too long; resolution: unknown value)",
    );
    expect(error).toMatchObject({ name: "SinchHttpError", status: 400, statusName: "INVALID_ARGUMENT", outcomeUnknown: false });
    expect(http(404).message).toBe("PATCH /v3/projects/p/services/S failed with HTTP 404");
    expect(http(404).fieldViolations).toEqual([]);
  });

  test("a network failure keeps its cause and whether the request may have been applied", () => {
    const cause = new Error("socket hang up");
    const error = new SinchNetworkError({
      method: "POST",
      path: "/v3/x",
      code: "ECONNRESET",
      detail: "socket hang up",
      cause,
      outcomeUnknown: true,
    });
    expect(error.message).toBe("POST /v3/x failed on the network: socket hang up");
    expect(error).toMatchObject({ name: "SinchNetworkError", code: "ECONNRESET", outcomeUnknown: true, cause });
    expect(new SinchNetworkError({ method: "GET", path: "/v3/x", detail: "d" })).not.toHaveProperty("cause");
    expect(isSinchFaxError(error)).toBe(true);
    expect(isSinchFaxError(cause)).toBe(false);
  });

  test("a body that breaks the API's schema lists each problem", () => {
    const error = new SinchResponseError({ method: "GET", path: "/v3/x", status: 200, problems: ["id: required", "name: not a string"] });
    expect(error.message).toBe("GET /v3/x returned 200 with an unexpected body: id: required; name: not a string");
  });

  test.each([
    [400, true],
    [409, true],
    [422, true],
    [499, true],
    [401, false],
    [404, false],
    [429, false],
    [500, false],
    [503, false],
  ])("HTTP %i is a refusal on the request's merits: %s", (status, refusal) => {
    expect(isRefusal(http(status))).toBe(refusal);
  });

  test("an HTTP error of a given status, and nothing else", () => {
    expect(isSinchHttpError(http(404), 404)).toBe(true);
    expect(isSinchHttpError(http(404), 400)).toBe(false);
    expect(isSinchHttpError(http(404))).toBe(true);
    expect(isSinchHttpError(new Error("HTTP 404"))).toBe(false);
    expect(isRefusal(new Error("HTTP 400"))).toBe(false);
    // Only Sinch's own answer is a refusal: not an object that looks like one, nor a status below 400.
    expect(isRefusal({ status: 422 })).toBe(false);
    expect(isRefusal(http(302))).toBe(false);
  });

  test("a text Sinch sent shows no URL password and no key secret, however short", () => {
    const text = "bad url https://alice:hunter2@h/x and sip://bob:pw@pbx, key abc";
    expect(withoutCredentials(text, "abc")).toBe("bad url https://alice:***@h/x and sip://bob:***@pbx, key [secret]");
    // A secret of one or two characters would erase every such letter: left as it is.
    expect(withoutCredentials("a b", "a")).toBe("a b");
  });
});

describe("which failures the client retries", () => {
  test.each([
    [true, 501, "fail"],
    [true, 499, "fail"],
    [false, 499, "fail"],
    [false, 501, "outcome-unknown"],
    [false, 502, "outcome-unknown"],
  ] as const)("idempotent=%s, HTTP %i: %s", (idempotent, status, decision) => {
    expect(decideRetry(idempotent, { status })).toBe(decision);
  });

  test.each(["ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"])("a POST never sent (%s) is retried", (networkCode) => {
    expect(decideRetry(false, { networkCode })).toBe("retry");
  });

  test("Retry-After tolerates surrounding spaces; an empty one is no hint", () => {
    expect(parseRetryAfter(" 2 ", 0)).toBe(2000);
    expect(parseRetryAfter("", 0)).toBeUndefined();
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("2 seconds", now)).toBeUndefined();
    expect(parseRetryAfter("3x", now)).toBeUndefined();
    expect(parseRetryAfter("x3", now)).toBeUndefined();
    expect(parseRetryAfter("12", now)).toBe(12_000);
    expect(parseRetryAfter("0.25", now)).toBe(250);
  });
});
