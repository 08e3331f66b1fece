import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { SinchFaxClient, type SinchFaxClientOptions } from "../../provider/client";

/** An emulator on loopback and a Basic-auth client of its project. */
export interface EmulatorFixture {
  emulator: Emulator;
  client: SinchFaxClient;
  /** A client with other options against the same emulator. */
  clientWith(options: Partial<SinchFaxClientOptions>): SinchFaxClient;
  close(): Promise<void>;
}

/** Starts an emulator; fast retries keep fault tests short. */
export async function withEmulator(options: EmulatorOptions = {}): Promise<EmulatorFixture> {
  const emulator = await startEmulator(options);
  const clients: SinchFaxClient[] = [];
  const clientWith = (extra: Partial<SinchFaxClientOptions>) => {
    const client = new SinchFaxClient({
      projectId: emulator.projectId,
      keyId: emulator.keyId,
      keySecret: emulator.keySecret,
      baseUrl: emulator.url,
      authUrl: `${emulator.url}/oauth2/token`,
      retry: { baseDelayMs: 5, maxDelayMs: 50 },
      ...extra,
    });
    clients.push(client);
    return client;
  };
  const client = clientWith({});
  return {
    emulator,
    client,
    clientWith,
    async close() {
      for (const c of clients) c.close();
      await emulator.close();
    },
  };
}

/** Raw HTTP against the emulator, for what the typed client would refuse to send. */
export async function rawRequest(
  emulator: Emulator,
  method: string,
  path: string,
  options: { body?: string | undefined; auth?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; text: string; json: any }> {
  const auth =
    options.auth === undefined ? `Basic ${Buffer.from(`${emulator.keyId}:${emulator.keySecret}`).toString("base64")}` : options.auth;
  const headers: Record<string, string> = { ...options.headers };
  if (auth) headers.authorization = auth;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const res = await fetch(emulator.url + path, { method, headers, body: options.body ?? null });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** The services path of the emulator's project. */
export function servicesPath(emulator: Emulator, id?: string): string {
  const base = `/v3/projects/${emulator.projectId}/services`;
  return id ? `${base}/${id}` : base;
}

/** The active numbers path of the emulator's project (Numbers API); the number is URL-encoded (`+` as `%2B`). */
export function activeNumbersPath(emulator: Emulator, phoneNumber?: string): string {
  const base = `/v1/projects/${emulator.projectId}/activeNumbers`;
  return phoneNumber === undefined ? base : `${base}/${encodeURIComponent(phoneNumber)}`;
}

/** A control endpoint call (`/_emulator/<path>`) from loopback, its JSON body parsed. */
export async function control(emulator: Emulator, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${emulator.url}/_emulator/${path}`, {
    method,
    body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

/** Creates a service through the API; its id. */
export async function createService(emulator: Emulator, body: Record<string, unknown> = {}): Promise<string> {
  const res = await rawRequest(emulator, "POST", servicesPath(emulator), { body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`POST /services answered ${res.status}: ${res.text}`);
  return res.json.id as string;
}
