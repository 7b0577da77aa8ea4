// The npm package `tsk-language-server` (npm-package/): its package.json, README and entry
// points, with the bundles of `npm run bundle` (dist/cli.js, dist/server.js), the built-in
// schemas and the licence, gathered in a folder of their own and packed with `npm pack`.
// Usage: node scripts/pack-npm.mjs [DESTINATION]  (default: the current folder); prints the
// tarball's path. The version must be the extension's: one release, one version.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const destination = path.resolve(process.argv[2] ?? ".");
const manifest = JSON.parse(fs.readFileSync(path.join(root, "npm-package/package.json"), "utf8"));
const extension = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
if (manifest.version !== extension.version) {
  throw new Error(`npm-package/package.json is at ${manifest.version}, package.json at ${extension.version}: give both the same version`);
}
for (const bundle of ["dist/cli.js", "dist/server.js"]) {
  if (!fs.existsSync(path.join(root, bundle))) throw new Error(`${bundle} is missing: run npm run bundle first`);
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-npm-package-"));
try {
  const copy = (from, to = from) => {
    fs.mkdirSync(path.dirname(path.join(stage, to)), { recursive: true });
    fs.copyFileSync(path.join(root, from), path.join(stage, to));
  };
  for (const f of ["package.json", "README.md", "bin/tsk.js", "bin/tsk-language-server.js"]) copy(`npm-package/${f}`, f);
  copy("LICENSE");
  copy("dist/cli.js");
  copy("dist/server.js");
  for (const f of fs.readdirSync(path.join(root, "schemas"), { recursive: true })) {
    if (String(f).endsWith(".schema.json")) copy(path.join("schemas", String(f)));
  }
  fs.mkdirSync(destination, { recursive: true });
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", destination], { cwd: stage, encoding: "utf8" });
  const [{ filename }] = JSON.parse(out);
  process.stdout.write(`${path.join(destination, filename)}\n`);
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
