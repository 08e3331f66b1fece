import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the server answers: a status, headers, and a body (objects as JSON). */
export interface ScriptedReply {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A loopback HTTP server that records every request and answers as a script says. */
export interface RecordingServer {
  url: string;
  requests: RecordedRequest[];
  /** Connections open now. */
  openConnections(): number;
  /** Resolves once no connection is open. */
  allClosed(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a server standing in for the Sinch API where the emulator cannot say
 * what the client sent (headers, raw bodies) or answer what Sinch may answer
 * (odd statuses, broken bodies, token endpoints that refuse).
 */
export async function recordingServer(reply: (request: RecordedRequest, index: number) => ScriptedReply): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const waiting: Array<() => void> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(request);
      const answer = reply(request, requests.length - 1);
      const body = answer.body === undefined ? "" : typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      const type = typeof answer.body === "string" ? "text/html" : "application/json";
      res.writeHead(answer.status, { "content-type": type, ...answer.headers });
      res.end(body);
    });
  });
  // No idle timeout: a connection the client leaves open stays open, so a test sees who closes it.
  server.keepAliveTimeout = 0;
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0) for (const resolve of waiting.splice(0)) resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    openConnections: () => sockets.size,
    allClosed: () => (sockets.size === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve))),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
