import { claim, configureRuntime, currentSettings, resetRuntime } from "../../provider/core/runtime";

// The provider process's settings and the services its resources hold.

afterEach(() => resetRuntime());

describe("the provider's runtime", () => {
  test("configuring again with other settings replaces them; a reset forgets them", () => {
    configureRuntime((key) => ({ "sinch:projectId": "first" })[key]);
    expect(currentSettings().projectId).toBe("first");
    configureRuntime((key) => ({ "sinch:projectId": "second" })[key]);
    expect(currentSettings().projectId).toBe("second");
    resetRuntime();
    expect(currentSettings().projectId).toBe(process.env.SINCH_PROJECT_ID?.trim() || undefined);
  });

  test("a service is held by one resource at a time, until the runtime is reset", () => {
    expect(claim("S1")).toBe(true);
    expect(claim("S1")).toBe(false);
    expect(claim("S2")).toBe(true);
    resetRuntime();
    expect(claim("S1")).toBe(true);
  });
});
