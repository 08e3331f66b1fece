import { execFileSync } from "node:child_process";
import { join } from "node:path";

/**
 * What the FaxService provider loads: a preview runs only `check` and `diff`,
 * so its process must not pay for the HTTP client (node-fetch, node:http and
 * the response schemas) until a call needs it.
 */
const ROOT = join(__dirname, "..", "..");
const SCRIPT = `
const loaded = () => [...new Set(Object.keys(require.cache).flatMap((f) =>
  f.includes("/node-fetch/") ? ["node-fetch"] : /provider\\/client\\/(http|client)\\.ts$/.test(f) ? [f.slice(f.indexOf("client/"))] : []))].sort();
const handler = require("./provider/handlers/fax-service");
const seen = { afterLoad: loaded() };
(async () => {
  const news = { name: "Inbound", numberOfRetries: 2 };
  const checked = await handler.check({}, news);
  if (checked.failures && checked.failures.length) throw new Error(JSON.stringify(checked.failures));
  await handler.diff("01ARZ3NDEKTSV4RRFFQ69G5FAV", { ...checked.inputs, projectId: "p" }, checked.inputs);
  seen.afterCheckAndDiff = loaded();
  require("./provider/core/runtime").clientFor("p");
  seen.afterFirstClient = loaded();
  console.log(JSON.stringify(seen));
})().catch((e) => { console.error(e); process.exit(1); });
`;

test("check and diff run without loading the HTTP client; the first client loads it", () => {
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", SCRIPT], {
    cwd: ROOT,
    env: { ...process.env, SINCH_PROJECT_ID: "p", SINCH_KEY_ID: "k", SINCH_KEY_SECRET: "s", SINCH_FAX_URL: "http://127.0.0.1:1" },
    encoding: "utf8",
  });
  const seen = JSON.parse(out);
  expect(seen.afterLoad).toEqual([]);
  expect(seen.afterCheckAndDiff).toEqual([]);
  expect(seen.afterFirstClient).toEqual(expect.arrayContaining(["client/client.ts", "client/http.ts", "node-fetch"]));
});
