import type { IncomingMessage, ServerResponse } from "node:http";
import { errorReply, serialize } from "./http-util";

/** Largest request body the emulator accepts, like an API gateway would. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** How long a refused body may keep streaming in before the connection is cut. */
const LINGER_MS = 10_000;

/**
 * A request body as text; `tooLarge` when it is over {@link MAX_BODY_BYTES};
 * `aborted` when the client went away before sending all of it.
 */
export type BodyResult = { kind: "text"; text: string } | { kind: "tooLarge" } | { kind: "aborted" };

/**
 * Reads a request body as text. A Content-Length over the limit is refused
 * before reading; a chunked body stops being buffered at the limit. Either way
 * the rest is read and discarded, so the client is not reset mid-upload and can
 * read the 413 (see {@link sendTooLarge}).
 */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve({ kind: "tooLarge" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > MAX_BODY_BYTES) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) resolve({ kind: "tooLarge" });
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ kind: "text", text: Buffer.concat(chunks).toString("utf8") }));
    // A client that hangs up mid-body is not an error of the emulator's.
    req.on("error", () => resolve({ kind: "aborted" }));
  });
}

/**
 * Answers 413 with `connection: close` at once, but ends the response (and so
 * the connection) only once the client has sent its whole body: closing a
 * socket with unread data resets it, and the client could lose the answer.
 */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse): void {
  const { headers, payload } = serialize(errorReply(413, `The request body is larger than ${MAX_BODY_BYTES} bytes`));
  res.writeHead(413, { ...headers, connection: "close" });
  res.write(payload);
  const timer = setTimeout(() => req.socket.destroy(), LINGER_MS);
  req.socket.once("close", () => clearTimeout(timer));
  const end = () => {
    clearTimeout(timer);
    res.end();
  };
  if (req.readableEnded) end();
  else req.once("end", end);
  req.resume();
}

/**
 * Whether a request's body may be read as the media type wanted. Bodies are
 * judged by their declared type only, like Sinch's gateway; an empty body
 * needs none.
 */
export function hasMediaType(req: IncomingMessage, body: string, wanted: "json" | "form"): boolean {
  if (body === "") return true;
  const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase();
  if (wanted === "form") return type === "application/x-www-form-urlencoded";
  return type === "application/json" || /^application\/[a-z0-9.+-]+\+json$/.test(type ?? "");
}
