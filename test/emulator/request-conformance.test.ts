import { checkRequestsConform } from "../helpers/conformance";
import { type EmulatorFixture, rawRequest, servicesPath, withEmulator } from "../helpers/emulator";

// The check every provider and engine test runs on the requests it made.
describe("checking every request against the OpenAPI file", () => {
  let fx: EmulatorFixture;
  beforeEach(async () => {
    fx = await withEmulator();
  });
  afterEach(() => fx.close());

  test("sees requests a test cleared from the log, and fails on a body the file does not allow", async () => {
    const conform = checkRequestsConform(fx.emulator);
    await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: '{"name":"ok","defaultFrom":""}' });
    fx.emulator.requests = [];
    expect(fx.emulator.requests).toEqual([]);
    expect(() => conform()).not.toThrow();
    await rawRequest(fx.emulator, "POST", servicesPath(fx.emulator), { body: '{"name":"bad","resolution":null}' });
    fx.emulator.requests = [];
    expect(() => conform()).toThrow(/resolution/);
  });
});
