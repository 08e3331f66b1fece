import { readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import { join } from "node:path";
import { getCACertificates, setDefaultCACertificates } from "node:tls";
import { SinchFaxClient, SinchNetworkError } from "../../provider/client";
import { type RecordingServer, recordingServer } from "../helpers/recording-server";

// Sinch is spoken to over https: the client's TLS connections, like its plain ones, are kept and reused.

// A self-signed certificate for 127.0.0.1, made for these tests only (openssl req -x509, 100 years).
const TLS_DIR = join(__dirname, "../fixtures/tls");
const cert = readFileSync(join(TLS_DIR, "loopback-cert.pem"), "utf8");
const key = readFileSync(join(TLS_DIR, "loopback-key.pem"), "utf8");
const SERVICE = { id: "S1", name: "One", defaultForProject: false };

const clientFor = (baseUrl: string) =>
  new SinchFaxClient({ projectId: "p", keyId: "k", keySecret: "s", baseUrl, retry: { maxRetries: 0 } });

test("https calls share one TLS connection, which close() ends", async () => {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer({ key, cert }, (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(SERVICE));
  });
  // No idle timeout: the connection stays open until the client closes it.
  server.keepAliveTimeout = 0;
  server.on("secureConnection", (socket) => {
    connections++;
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const trusted = getCACertificates("default");
  setDefaultCACertificates([...trusted, cert]);
  const client = clientFor(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
  try {
    for (let i = 0; i < 3; i++) expect(await client.getService("S1")).toEqual(SERVICE);
    expect(connections).toBe(1);
    const closed = new Promise((resolve) => [...sockets][0]?.on("close", resolve));
    client.close();
    await closed;
    expect(sockets.size).toBe(0);
  } finally {
    setDefaultCACertificates(trusted);
    client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("an https URL is never spoken to in plain HTTP", async () => {
  const plain: RecordingServer = await recordingServer(() => ({ status: 200, body: SERVICE }));
  const client = clientFor(plain.url.replace("http:", "https:"));
  try {
    // A plain HTTP server cannot answer a TLS handshake: a network error, and nothing it could read.
    const error = await client.getService("S1").catch((e) => e);
    expect(error).toBeInstanceOf(SinchNetworkError);
    expect(error.code).toBe("EPROTO");
    expect(plain.requests).toEqual([]);
  } finally {
    client.close();
    await plain.close();
  }
});
