import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderReadme } from "../../scripts/docs";

test("the README's inputs tables are the field tables' (run `npm run docs` after changing a field)", () => {
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  expect(renderReadme(readme)).toBe(readme);
});
