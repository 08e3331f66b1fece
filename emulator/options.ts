import type { Operation } from "./faults";
import type { DefaultPolicy, ProjectKey } from "./store";

/** Options of `startEmulator`; every one has a default. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number | undefined;
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string | undefined;
  /** The first project and its key; random when omitted. */
  projectId?: string | undefined;
  keyId?: string | undefined;
  keySecret?: string | undefined;
  /** More projects, each with its own key. */
  extraProjects?: ProjectKey[] | undefined;
  /** `strict` (default): always exactly one default service; `lenient`: a project may have none. */
  defaultPolicy?: DefaultPolicy | undefined;
  /** Keep state in this JSON file (loaded at start, written after every change). */
  dataFile?: string | undefined;
  /** Lifetime of OAuth2 tokens in seconds. Default 3600. */
  tokenTtlSeconds?: number | undefined;
  /**
   * Milliseconds a Numbers API voice provisioning takes, from the PATCH to the
   * new route being in effect. Default 1000; change it at run time with
   * `PUT /_emulator/provisioning` or `emulator.numbers.setProvisioning`.
   */
  provisioningDelayMs?: number | undefined;
  /** How many requests the in-process log (and `/_emulator/requests`) keeps, the latest. Default 10,000. */
  requestLogSize?: number | undefined;
  /** Seed of the fault generator, so fault runs can be replayed. */
  faultSeed?: number | undefined;
  /**
   * When set, the control endpoints (`/_emulator/`) need this token from every
   * client, loopback included (`authorization: Bearer <token>` or
   * `x-emulator-token: <token>`). When not, they answer loopback clients only.
   */
  controlToken?: string | undefined;
  /**
   * Called with warnings: listening on a non-loopback interface, and internal
   * errors (bugs, answered with 500). The emulator prints nothing itself.
   */
  onWarning?: (message: string) => void;
}

/** One API request as the emulator saw it. */
export interface LoggedRequest {
  seq: number;
  time: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON body, the raw text when it is not JSON, or undefined when empty. */
  body?: unknown;
  /** Status sent; 0 when the connection was dropped before any response. */
  status: number;
  durationMs: number;
  operation: Operation | "unknown";
  /** The fault injected, if any. */
  fault?: "drop" | "lost" | "status429" | "status500" | "status503" | "rateLimited" | undefined;
}
