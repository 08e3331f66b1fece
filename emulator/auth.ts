import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { hasMediaType } from "./body";
import { errorReply, type Reply } from "./http-util";
import type { ProjectKey } from "./store";

/** A bearer token carries the key it was issued for, secret included. */
interface IssuedToken {
  keyId: string;
  keySecret: string;
  expiresAt: number;
}

/** The outcome of authenticating an API request: when refused, the Fax API's answer, and whether a token had expired. */
export type AuthResult = { ok: true; keyId: string } | { ok: false; reply: Reply; expired: boolean };

/**
 * Access keys and OAuth2 bearer tokens. Basic auth takes `keyId:keySecret`;
 * `POST /oauth2/token` trades the same credentials for an expiring token.
 */
export class Authenticator {
  private tokens = new Map<string, IssuedToken>();

  constructor(
    private readonly keys: () => readonly ProjectKey[],
    public tokenTtlSeconds: number,
  ) {}

  /**
   * Checks the Authorization header of an API call for the given project: it
   * must name a key (id and secret) of exactly that project.
   */
  authenticate(req: IncomingMessage, projectId: string): AuthResult {
    const header = req.headers.authorization ?? "";
    const [scheme, value = ""] = header.split(" ", 2);
    if (scheme?.toLowerCase() === "basic") {
      const credentials = decodeBasic(value);
      if (credentials && this.hasKey(credentials.keyId, credentials.keySecret, projectId)) {
        return { ok: true, keyId: credentials.keyId };
      }
    } else if (scheme?.toLowerCase() === "bearer") {
      const token = this.tokens.get(value);
      if (token && token.expiresAt <= Date.now()) {
        return {
          ok: false,
          expired: true,
          reply: {
            status: 401,
            headers: { "www-authenticate": 'Bearer error="invalid_token", error_description="The access token expired"' },
          },
        };
      }
      if (token && this.hasKey(token.keyId, token.keySecret, projectId)) {
        return { ok: true, keyId: token.keyId };
      }
    }
    // Sinch answers a wrong or missing key, secret or project with an empty 401.
    return { ok: false, expired: false, reply: { status: 401 } };
  }

  /** `POST /oauth2/token` with `grant_type=client_credentials` and basic credentials. */
  issueToken(req: IncomingMessage, body: string): Reply {
    const [scheme, value = ""] = (req.headers.authorization ?? "").split(" ", 2);
    const key = scheme?.toLowerCase() === "basic" ? this.basicKey(value) : undefined;
    if (!key) return { status: 401 };
    if (!hasMediaType(req, body, "form")) return errorReply(415, "The request body must be application/x-www-form-urlencoded");
    if (new URLSearchParams(body).get("grant_type") !== "client_credentials") {
      return errorReply(400, "grant_type must be client_credentials");
    }
    const accessToken = randomBytes(24).toString("base64url");
    this.tokens.set(accessToken, { keyId: key.keyId, keySecret: key.keySecret, expiresAt: Date.now() + this.tokenTtlSeconds * 1000 });
    return {
      status: 200,
      body: { access_token: accessToken, token_type: "bearer", expires_in: this.tokenTtlSeconds, scope: "" },
    };
  }

  /** Makes every issued token expire now (tests of token refresh). */
  expireAll(): void {
    for (const token of this.tokens.values()) token.expiresAt = 0;
  }

  clear(): void {
    this.tokens.clear();
  }

  /** The key these basic credentials name, whichever project it is for (tokens are not per project). */
  private basicKey(encoded: string): ProjectKey | undefined {
    const credentials = decodeBasic(encoded);
    return credentials && this.keys().find((k) => k.keyId === credentials.keyId && k.keySecret === credentials.keySecret);
  }

  private hasKey(keyId: string, keySecret: string, projectId: string): boolean {
    return this.keys().some((k) => k.keyId === keyId && k.keySecret === keySecret && k.projectId === projectId);
  }
}

function decodeBasic(encoded: string): { keyId: string; keySecret: string } | undefined {
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return undefined;
  return { keyId: decoded.slice(0, colon), keySecret: decoded.slice(colon + 1) };
}
