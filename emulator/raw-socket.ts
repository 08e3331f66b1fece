import { type IncomingMessage, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { errorReply, type Reply, serialize } from "./http-util";
import { inNumbersShape } from "./numbers-errors";
import { apiOf, parseTarget } from "./routes";

/** How long a refused client may keep sending before its connection is cut. */
const LINGER_MS = 10_000;

/** Sockets already answered: Node reports a parse error again for every later chunk. */
const answered = new WeakSet<Duplex>();

/**
 * Answers a request Node could not parse (unknown method, malformed header,
 * bad chunk…) with Sinch's error body, in the Fax API's shape whatever the
 * path (it is not known reliably). Unlike Node's default, the socket is
 * only half-closed while the rest of the request is read and dropped, so the
 * client is not reset before it reads the answer.
 */
export function answerClientError(error: Error & { code?: string | undefined }, socket: Duplex): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === "HPE_HEADER_OVERFLOW"
      ? 431
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? 408
        : error.code === "HPE_CHUNK_EXTENSIONS_OVERFLOW"
          ? 413
          : 400;
  sendOnSocket(socket, errorReply(status, `The request is not valid HTTP/1.1 (${error.code ?? "parse error"})`));
}

/**
 * Node closes a CONNECT without a word when nobody listens; the APIs have no
 * CONNECT, so say so (in the Numbers API's shape on its paths).
 */
export function answerConnect(req: IncomingMessage, socket: Duplex): void {
  const reply = errorReply(405, `${req.method} is not supported`);
  const path = parseTarget(req.url)?.pathname ?? "";
  sendOnSocket(socket, apiOf(path) === "numbers" ? inNumbersShape(reply) : reply);
}

/** Writes a reply onto a raw socket, half-closes it, and drops what the client still sends. */
function sendOnSocket(socket: Duplex, reply: Reply): void {
  const { headers, payload } = serialize(reply);
  const lines = Object.entries({ ...headers, connection: "close" }).map(([name, value]) => `${name}: ${value}`);
  socket.end(`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${payload}`);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  socket.once("close", () => clearTimeout(timer));
  socket.on("error", () => socket.destroy());
  socket.resume();
}
