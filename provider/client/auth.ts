/** Refresh a token this long before it expires, like Sinch's SDK. */
const REFRESH_MARGIN_MS = 60_000;

/** Produces the Authorization header of API calls. */
export interface AuthStrategy {
  /** The header value for the next call. */
  header(): Promise<string>;
  /**
   * Called on a 401 with its `www-authenticate` header. Returns true when a
   * fresh credential was obtained and the call should be repeated once.
   */
  renewAfter401(wwwAuthenticate: string | null): boolean;
}

/** Basic `keyId:keySecret`. */
export class BasicAuth implements AuthStrategy {
  private readonly value: string;

  constructor(keyId: string, keySecret: string) {
    this.value = `Basic ${Buffer.from(`${keyId}:${keySecret}`).toString("base64")}`;
  }

  async header(): Promise<string> {
    return this.value;
  }

  renewAfter401(): boolean {
    return false;
  }
}

/** A token and its lifetime, as the token endpoint returns them. */
export interface IssuedToken {
  accessToken: string;
  expiresInSeconds: number;
}

/**
 * OAuth2 client credentials: the token is cached, refreshed a minute before it
 * expires, and one refresh is shared by every concurrent caller.
 */
export class OAuth2Auth implements AuthStrategy {
  private token: { value: string; expiresAt: number } | undefined;
  private pending: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<IssuedToken>,
    private readonly now: () => number = Date.now,
  ) {}

  async header(): Promise<string> {
    if (this.token && this.token.expiresAt - REFRESH_MARGIN_MS > this.now()) return `Bearer ${this.token.value}`;
    this.pending ??= this.refresh().finally(() => {
      this.pending = undefined;
    });
    return `Bearer ${await this.pending}`;
  }

  renewAfter401(wwwAuthenticate: string | null): boolean {
    if (!wwwAuthenticate || !/expired|invalid_token/i.test(wwwAuthenticate)) return false;
    this.token = undefined;
    return true;
  }

  private async refresh(): Promise<string> {
    const issued = await this.fetchToken();
    this.token = { value: issued.accessToken, expiresAt: this.now() + issued.expiresInSeconds * 1000 };
    return issued.accessToken;
  }
}
