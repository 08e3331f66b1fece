import type { Reply } from "./http-util";
import type { ActiveNumbers } from "./numbers";
import type { Store } from "./store";

/** What the API handlers work on: the state, and the active numbers' provisioning. */
export interface ApiContext {
  store: Store;
  numbers: ActiveNumbers;
}

/** One parsed API call, as the handlers see it. */
export interface ApiCall {
  method: string;
  projectId: string;
  /** The fax service of the path (`{id}` or `{serviceId}`), when it has one. */
  serviceId?: string | undefined;
  /** The other path parameters, percent-decoded: `coverPageId`, `email`, `phoneNumber`. */
  params: Record<string, string>;
  query: URLSearchParams;
  /** The raw request body. */
  body: string;
  /** `METHOD /path`, recorded in the default history. */
  cause: string;
}

/** A handler of one API operation. */
export type Handler = (context: ApiContext, call: ApiCall) => Reply;
