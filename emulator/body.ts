import type { IncomingMessage, ServerResponse } from "node:http";
import { errorReply, type Reply, serialize } from "./http-util";
import { isJsonObject } from "./value-rules";

/** Largest request body the emulator accepts (but for a cover page upload), like an API gateway would. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Largest body of a cover page upload: a 5 MiB PDF in base64 is about 6.7 MiB, plus the JSON around it. */
export const MAX_COVER_PAGE_BODY_BYTES = 8 * 1024 * 1024;

/** How long a refused body may keep streaming in before the connection is cut. */
const LINGER_MS = 10_000;

/**
 * A request body as text; `tooLarge` when it is over the limit;
 * `aborted` when the client went away before sending all of it.
 */
export type BodyResult = { kind: "text"; text: string } | { kind: "tooLarge" } | { kind: "aborted" };

/**
 * Reads a request body as text. A Content-Length over the limit is refused
 * before reading; a chunked body stops being buffered at the limit. Either way
 * the rest is read and discarded, so the client is not reset mid-upload and can
 * read the 413 (see {@link sendTooLarge}).
 */
export function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ kind: "tooLarge" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) resolve({ kind: "tooLarge" });
      else chunks.push(chunk);
    });
    req.on("end", () => resolve({ kind: "text", text: Buffer.concat(chunks).toString("utf8") }));
    // A client that hangs up mid-body is not an error of the emulator's.
    req.on("error", () => resolve({ kind: "aborted" }));
  });
}

/**
 * Answers 413 (the reply given) with `connection: close` at once, but ends
 * the response (and so the connection) only once the client has sent its
 * whole body: closing a socket with unread data resets it, and the client
 * could lose the answer.
 */
export function sendTooLarge(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  const { headers, payload } = serialize(reply);
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

/** Parses a JSON request body that must be an object; a 400 otherwise. */
export function parseObject(text: string): { value: Record<string, unknown> } | { reply: Reply } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { reply: errorReply(400, "The request body is not valid JSON") };
  }
  if (!isJsonObject(value)) return { reply: errorReply(400, "The request body must be a JSON object") };
  return { value };
}
