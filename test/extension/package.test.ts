// The .vsix a user installs: vsce packages it as the marketplace would, and it holds only what
// runs (the two bundles, the manifest and what it names, the schemas, the documents the
// marketplace shows), under 2 MB. `npm test` bundles before the tests run.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

const vsce = path.join(repoRoot, "node_modules/@vscode/vsce/vsce");
const run = (args: string[]) => execFileSync(process.execPath, [vsce, ...args], { cwd: repoRoot, encoding: "utf8", stdio: "pipe" });

describe("the packaged extension (.vsix)", () => {
  it("holds only what runs: bundles, manifest, grammar, schemas, icon and documents", () => {
    const files = run(["ls", "--no-dependencies"]).split("\n").map((l) => l.trim()).filter(Boolean);
    const allowed = [
      /^dist\/(extension|server)\.js$/,
      /^(package\.json|language-configuration\.json|README\.md|CHANGELOG\.md|LICENSE)$/,
      /^syntaxes\/[\w.-]+\.tmLanguage\.json$/,
      /^schemas\/[\w/.-]+\.schema\.json$/,
      /^images\/icon\.png$/,
    ];
    const stray = files.filter((f) => !allowed.some((a) => a.test(f)));
    assert.deepEqual(stray, [], "no sources, tests, source maps or build output beyond the bundles");
    for (const needed of ["dist/extension.js", "dist/server.js", "syntaxes/tsk.tmLanguage.json", "schemas/tsk-microservices.schema.json"]) {
      assert.ok(files.includes(needed), `${needed} is packaged`);
    }
  });

  it("packages into a .vsix under 2 MB, its README's pictures at the release's absolute addresses", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-vsix-"));
    try {
      const vsix = path.join(dir, "tsk.vsix");
      // As the release workflow packages it: the Marketplace and VS Code's extension view show
      // the README from the package, where a relative picture would be broken.
      const base = "https://raw.githubusercontent.com/tsk-tools/tsk-vscode/v9.9.9/";
      run(["package", "--no-dependencies", "--baseImagesUrl", base, "-o", vsix]);
      const size = fs.statSync(vsix).size;
      assert.ok(size < 2 * 1024 * 1024, `${(size / 1024 / 1024).toFixed(2)} MB`);
      const readme = execFileSync("unzip", ["-p", vsix, "extension/readme.md"], { encoding: "utf8" });
      const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
      assert.ok(pictures.length >= 4, readme.slice(0, 200));
      for (const p of pictures) assert.match(p, /^https:\/\/raw\.githubusercontent\.com\/tsk-tools\/tsk-vscode\/v9\.9\.9\/docs\/images\/[\w-]+\.png$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
