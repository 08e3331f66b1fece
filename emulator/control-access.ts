import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";
import { errorReply, type Reply } from "./http-util";

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet("127.0.0.0", 8, "ipv4");
LOOPBACK.addAddress("::1", "ipv6");

/**
 * Whether an address is a loopback address: 127.0.0.0/8, `::1`, or either
 * written as IPv6 (`::ffff:127.0.0.1`, as a dual-stack socket reports IPv4
 * clients). Anything that is not an IP address (or is missing) is not.
 */
export function isLoopback(address: string | undefined): boolean {
  const family = address ? isIP(address) : 0;
  if (!address || family === 0) return false;
  return LOOPBACK.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * Who may use the control endpoints. Without a control token: loopback clients
 * only (403 for others). With one: whoever sends it, as `authorization: Bearer
 * <token>` or `x-emulator-token: <token>`, loopback included (401 for others).
 * Returns the refusal, or undefined when the request may go on.
 */
export function checkControlAccess(req: IncomingMessage, controlToken: string | undefined): Reply | undefined {
  if (controlToken === undefined) {
    if (isLoopback(req.socket.remoteAddress)) return undefined;
    return errorReply(403, "The control endpoints answer only loopback clients unless the emulator has a control token");
  }
  if (sameSecret(presentedToken(req), controlToken)) return undefined;
  return errorReply(401, "The control endpoints need the emulator's control token", undefined, {
    "www-authenticate": 'Bearer realm="sinch-fax-emulator"',
  });
}

function presentedToken(req: IncomingMessage): string | undefined {
  const header = req.headers["x-emulator-token"];
  if (typeof header === "string") return header;
  const [scheme, value] = (req.headers.authorization ?? "").split(" ", 2);
  return scheme?.toLowerCase() === "bearer" ? value : undefined;
}

/** Compares hashes, so the time taken says nothing about the token. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
