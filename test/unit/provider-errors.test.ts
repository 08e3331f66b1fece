import { SinchHttpError } from "../../provider/client/errors";
import { log } from "../../provider/core/log";
import { isPartialFailure, operationError, PartialFailureError, ServiceError } from "../../provider/core/operation-errors";
import { resetRuntime } from "../../provider/core/runtime";

// The provider's errors and lines as the engine prints them.

const KEY_SECRET = "key-secret-value";
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.SINCH_KEY_SECRET;
  process.env.SINCH_KEY_SECRET = KEY_SECRET;
  resetRuntime();
});
afterEach(() => {
  if (saved === undefined) delete process.env.SINCH_KEY_SECRET;
  else process.env.SINCH_KEY_SECRET = saved;
  resetRuntime();
});

describe("an operation's error", () => {
  test("names what failed and Sinch's answer, without the key secret or a webhook password", () => {
    const cause = new SinchHttpError({
      method: "PATCH",
      path: "/v3/projects/p/services/S",
      status: 422,
      sinchMessage: `echo ${KEY_SECRET}`,
    });
    const error = operationError('Fax service "A" (S)', cause, ["hunter2"]);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error.message).toBe('Fax service "A" (S): PATCH /v3/projects/p/services/S failed with HTTP 422: echo [secret]');
    expect(error).toMatchObject({ name: "ServiceError", status: 422, call: "PATCH /v3/projects/p/services/S", cause });
    expect(operationError("X", new Error("sent https://u:hunter2@h")).message).toBe("X: sent https://u:hunter2@h");
    expect(operationError("X", new Error("sent https://u:hunter2@h"), ["hunter2"]).message).toBe("X: sent https://u:[secret]@h");
    expect(operationError("X", "plain")).toMatchObject({ message: "X: plain", status: undefined, call: undefined });
  });

  test("a partial failure records what was applied, with the provider, and says so", () => {
    const error = operationError("Fax service (S)", new Error("PATCH failed"));
    const partial = new PartialFailureError(error, "S", { name: "A" }, "provider", "; the name was changed");
    expect(partial.message).toBe("Fax service (S): PATCH failed; the name was changed");
    expect(partial.reasons).toEqual([partial.message]);
    expect(partial).toMatchObject({ id: "S", properties: { name: "A", __provider: "provider" }, name: "PartialFailureError" });
    expect(isPartialFailure(partial)).toBe(true);
    expect(isPartialFailure(error)).toBe(false);
    expect(new PartialFailureError(error, "S", {}, "p").message).toBe(error.message);
  });
});

describe("the provider's lines", () => {
  test("info on stdout, warnings on stderr, both marked as the provider's", () => {
    const out = jest.spyOn(console, "log").mockImplementation(() => undefined);
    const err = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      log.info("waiting for a successor");
      log.warn("the route was changed outside Pulumi");
      expect(out.mock.calls).toEqual([["sinch-fax: waiting for a successor"]]);
      expect(err.mock.calls).toEqual([["sinch-fax: warning: the route was changed outside Pulumi"]]);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});
