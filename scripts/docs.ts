/**
 * `npm run docs`: writes each resource's inputs table into the README from its
 * field table, between `<!-- inputs:Name -->` and `<!-- /inputs:Name -->`. A
 * unit test fails when the README differs from what this would write.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RESOURCE_TABLES } from "../provider/fields";
import { inputsTable } from "../provider/fields/table";

/** The README with every inputs block rendered from the field tables. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, table] of Object.entries(RESOURCE_TABLES)) {
    const start = `<!-- inputs:${name} -->`;
    const end = `<!-- /inputs:${name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`README.md has no ${start} … ${end} block`);
    out = `${out.slice(0, from + start.length)}\n${inputsTable(table)}\n${out.slice(to)}`;
  }
  return out;
}

if (require.main === module) {
  const file = join(__dirname, "..", "README.md");
  writeFileSync(file, renderReadme(readFileSync(file, "utf8")));
  console.log("README.md: inputs tables written from the field tables");
}
