import { connect } from "node:net";

/** A response as read off the wire. */
export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends bytes as they are over a new TCP connection and reads until the server
 * closes it, for requests no HTTP client would send (invalid targets, odd
 * methods). Send `connection: close` so the server closes after answering.
 */
export function rawHttp(url: string, request: string | Buffer, timeoutMs = 5_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ""));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to ${JSON.stringify(String(request).slice(0, 200))}`));
    }, timeoutMs);
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    socket.on("close", () => {
      clearTimeout(timer);
      try {
        resolve(parseResponse(Buffer.concat(chunks).toString("latin1")));
      } catch (e) {
        reject(e);
      }
    });
    socket.write(request);
  });
}

/**
 * Parses the first final response of a raw HTTP/1.1 answer, after any `100
 * Continue` (the emulator always sends Content-Length).
 */
function parseResponse(text: string): RawResponse {
  while (/^HTTP\/1\.[01] 1\d\d /.test(text)) text = text.slice(text.indexOf("\r\n\r\n") + 4);
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd < 0) throw new Error(`no complete response: ${JSON.stringify(text.slice(0, 200))}`);
  const [statusLine, ...lines] = text.slice(0, headEnd).split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1]);
  if (!status) throw new Error(`not an HTTP response: ${JSON.stringify(statusLine)}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = Buffer.from(text.slice(headEnd + 4), "latin1");
  const length = headers["content-length"] === undefined ? rest.length : Number(headers["content-length"]);
  return { status, headers, body: rest.subarray(0, length).toString("utf8") };
}
