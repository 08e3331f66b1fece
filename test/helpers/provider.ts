import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { resetRuntime } from "../../provider/core/runtime";
import * as lifecycle from "../../provider/resources/fax-service";
import type { GivenInputs, ServiceState } from "../../provider/resources/fax-service/fields";
import { checkRequestsConform } from "./conformance";

/** Configures the provider's runtime, in this process, for an emulator (as `configure` would from stack config). */
export async function configureFor(
  emulator: Emulator,
  extra: Record<string, string> = {},
  options: { reset?: boolean } = {},
): Promise<void> {
  if (options.reset !== false) resetRuntime();
  const values: Record<string, string> = {
    "sinch:faxUrl": emulator.url,
    "sinch:numbersUrl": emulator.url,
    "sinch:authUrl": `${emulator.url}/oauth2/token`,
    "sinch:projectId": emulator.projectId,
    "sinch:keyId": emulator.keyId,
    "sinch:keySecret": emulator.keySecret,
    "sinch:defaultHandoffTimeout": "1.5",
    ...extra,
  };
  await lifecycle.configure({
    config: {
      get: (key) => values[key],
      require: (key) => values[key] ?? "",
    },
  });
}

/**
 * Before each test: a fresh emulator (handed to `use`) and the provider
 * configured for it (with `extra` settings). After: the runtime forgotten, the
 * emulator closed, and every request the test sent checked against the OpenAPI files.
 */
export function withEmulator(use: (emulator: Emulator) => void, options: EmulatorOptions = {}, extra: Record<string, string> = {}): void {
  let emulator: Emulator | undefined;
  let conform = () => {};
  beforeEach(async () => {
    emulator = await startEmulator(options);
    conform = checkRequestsConform(emulator);
    await configureFor(emulator, extra);
    use(emulator);
  });
  afterEach(async () => {
    resetRuntime();
    await emulator?.close();
    conform();
  });
}

/** Runs check and fails the test on any failure; returns the checked inputs. */
export async function checked(news: Record<string, unknown>): Promise<GivenInputs> {
  const { inputs, failures } = await lifecycle.check({}, news);
  if (failures.length > 0) throw new Error(`check failed: ${JSON.stringify(failures)}`);
  return inputs;
}

/** Creates a service through the provider; returns its id and state. */
export async function created(news: Record<string, unknown>): Promise<{ id: string; outs: ServiceState }> {
  return lifecycle.create(await checked(news));
}

/** The bodies of the PATCH requests the emulator saw. */
export function patchBodies(emulator: Emulator): unknown[] {
  return emulator.requests.filter((r) => r.method === "PATCH").map((r) => r.body);
}

/** `METHOD operation` of every request the emulator saw, in order. */
export function calls(emulator: Emulator): string[] {
  return emulator.requests.map((r) => `${r.method} ${r.operation}`);
}

/** True when the default history never shows a project with zero or two defaults. */
export function alwaysOneDefault(emulator: Emulator): boolean {
  return emulator.store.defaultHistory.every((h) => h.defaultServiceIds.length === 1);
}

/** The lines the provider prints (stdout and stderr, as the engine shows them) while `run` runs. */
export async function printed(run: () => Promise<unknown>): Promise<string[]> {
  const lines: string[] = [];
  const out = jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  const err = jest.spyOn(console, "error").mockImplementation((line: string) => void lines.push(line));
  try {
    await run();
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return lines;
}
