import { BasicAuth, type IssuedToken, OAuth2Auth } from "../../provider/client/auth";

// The Authorization header the client sends, and when it asks for a new token.

/** A token endpoint that counts its calls and issues `token-1`, `token-2`, … */
function tokenEndpoint(expiresInSeconds = 120) {
  const endpoint = {
    calls: 0,
    fetch: async (): Promise<IssuedToken> => {
      endpoint.calls++;
      return { accessToken: `token-${endpoint.calls}`, expiresInSeconds };
    },
  };
  return endpoint;
}

describe("Basic auth", () => {
  test("sends base64 of keyId:keySecret, and a 401 never repeats the call", async () => {
    const auth = new BasicAuth("key-id", "key:secret");
    expect(await auth.header()).toBe(`Basic ${Buffer.from("key-id:key:secret").toString("base64")}`);
    expect(auth.renewAfter401()).toBe(false);
  });
});

describe("OAuth2 auth", () => {
  test("keeps its token until a minute before it expires, then fetches a new one", async () => {
    let now = 0;
    const endpoint = tokenEndpoint(120);
    const auth = new OAuth2Auth(endpoint.fetch, () => now);
    expect(await auth.header()).toBe("Bearer token-1");
    now = 59_999;
    expect(await auth.header()).toBe("Bearer token-1");
    // 120 s - 60 s of margin: from here on the token is too close to its end.
    now = 60_000;
    expect(await auth.header()).toBe("Bearer token-2");
    now = 119_999;
    expect(await auth.header()).toBe("Bearer token-2");
    expect(endpoint.calls).toBe(2);
  });

  test("a token whose lifetime is within the margin is fetched again for every call", async () => {
    const endpoint = tokenEndpoint(30);
    const auth = new OAuth2Auth(endpoint.fetch, () => 1_000);
    await auth.header();
    await auth.header();
    expect(endpoint.calls).toBe(2);
  });

  test("concurrent callers share one fetch, and the next refresh is a fetch of its own", async () => {
    let now = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const endpoint = tokenEndpoint(120);
    const auth = new OAuth2Auth(
      async () => {
        await gate;
        return endpoint.fetch();
      },
      () => now,
    );
    const headers = Promise.all([auth.header(), auth.header(), auth.header()]);
    release();
    expect(await headers).toEqual(["Bearer token-1", "Bearer token-1", "Bearer token-1"]);
    now = 100_000;
    expect(await auth.header()).toBe("Bearer token-2");
    expect(endpoint.calls).toBe(2);
  });

  test("a failed fetch is not kept: the next call asks again", async () => {
    let fail = true;
    const auth = new OAuth2Auth(async () => {
      if (fail) throw new Error("token endpoint down");
      return { accessToken: "fresh", expiresInSeconds: 3600 };
    });
    await expect(auth.header()).rejects.toThrow("token endpoint down");
    fail = false;
    expect(await auth.header()).toBe("Bearer fresh");
  });

  test.each([
    ['Bearer error="invalid_token", error_description="The access token expired"', true],
    ["Bearer error_description=EXPIRED", true],
    ['Bearer error="INVALID_TOKEN"', true],
    ['Bearer error="insufficient_scope"', false],
    ["", false],
    [null, false],
  ])("a 401 with www-authenticate %j renews the token: %s", async (wwwAuthenticate, renews) => {
    const endpoint = tokenEndpoint(3600);
    const auth = new OAuth2Auth(endpoint.fetch, () => 0);
    await auth.header();
    expect(auth.renewAfter401(wwwAuthenticate)).toBe(renews);
    // Renewed: the next call gets a new token; refused: the old one is kept.
    expect(await auth.header()).toBe(renews ? "Bearer token-2" : "Bearer token-1");
  });
});
