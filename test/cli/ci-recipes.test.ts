// The README's continuous-integration recipes, tried here: the GitHub Actions workflow's
// commands run in a checkout as the runner's bash would (the actions themselves, checkout,
// setup-node and upload-sarif, need GitHub: what they do is given), the SARIF it uploads checked
// against the SARIF 2.1.0 schema; and the pre-commit configuration run by pre-commit itself,
// with this repository's .pre-commit-hooks.yaml. The README's example report is checked too.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { repoRoot } from "../helpers/guide-example";
import { installPackage, node22, requireEditor } from "../editors/harness";
import { sarifValidator } from "./sarif-schema";
import { run } from "./run-tsk";

const readme = () => fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");

/** The README's fenced blocks with this info string, in order. */
function blocks(info: string): string[] {
  return [...readme().matchAll(new RegExp("^```" + info + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]);
}

const EXAMPLE = path.join(repoRoot, "test/fixtures/readme-example");

describe("the README's continuous-integration recipes", () => {
  let root: string;
  let pathVariable: string;
  let checkout: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-ci-"));
    pathVariable = [path.dirname(node22()), installPackage(root), process.env.PATH].join(path.delimiter);
    // A repository with the README example's config files, one of them not formatted.
    checkout = path.join(root, "checkout");
    fs.cpSync(EXAMPLE, checkout, { recursive: true });
    fs.writeFileSync(path.join(checkout, "config/messy.tsk"), "a {\nb = 1\n}\n");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: checkout, stdio: "pipe" });
    git("init", "-q");
    git("add", ".");
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it("GitHub Actions: the workflow's commands fail the job, and its SARIF is valid for upload, with every problem", () => {
    const workflow = parseYaml(blocks("yaml")[0]) as { jobs: { tsk: { steps: { uses?: string; run?: string; name?: string; if?: string }[] } } };
    const steps = workflow.jobs.tsk.steps;
    assert.deepEqual(steps.map((s) => s.uses ?? s.run), [
      "actions/checkout@v4", "actions/setup-node@v4", "npm install -g tsk-language-server",
      "tsk check --format sarif --max-warnings 0 . > tsk.sarif", "github/codeql-action/upload-sarif@v3", "tsk format --diff .",
    ]);
    const results: Record<string, number | null> = {};
    for (const step of steps) {
      // Given: checked out (done), Node 22 (first on PATH), the package installed (from the
      // tarball: it is not on npm yet), and the upload (the SARIF is checked below).
      if (step.uses || step.run === "npm install -g tsk-language-server") continue;
      const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], { cwd: checkout, env: { ...process.env, PATH: pathVariable }, encoding: "utf8" });
      results[step.run!] = r.status;
    }
    assert.deepEqual(results, { "tsk check --format sarif --max-warnings 0 . > tsk.sarif": 1, "tsk format --diff .": 1 });
    const sarif = JSON.parse(fs.readFileSync(path.join(checkout, "tsk.sarif"), "utf8")) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const validate = sarifValidator();
    assert.ok(validate(sarif), JSON.stringify(validate.errors));
    assert.deepEqual(sarif.runs[0].results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.ruleId]), [
      ["config/gateway.tsk", "unknown-value"], ["config/gateway.tsk", "out-of-range"], ["config/gateway.tsk", "expected-value"],
      ["config/services.tsk", "duplicate-key"],
    ], "relative to the repository's root, as code scanning places them");
  });

  it("pre-commit: the hooks of .pre-commit-hooks.yaml, as the README configures them, fail on the problems and pass once they are fixed", () => {
    requireEditor("pre-commit", ["--version"], "pre-commit");
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
    // This repository at its last commit stands for the one on GitHub.
    const config = blocks("yaml")[1].replace("https://github.com/tsk-tools/tsk-vscode", repoRoot).replace("rev: v0.1.0", `rev: ${head}`);
    fs.writeFileSync(path.join(checkout, ".pre-commit-config.yaml"), config);
    execFileSync("git", ["add", ".pre-commit-config.yaml"], { cwd: checkout });
    const env = { ...process.env, PATH: pathVariable, PRE_COMMIT_HOME: path.join(root, "pre-commit-cache"), NO_COLOR: "1" };
    const failing = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], { cwd: checkout, env, encoding: "utf8" });
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /^tsk check\.+Failed$/m);
    assert.match(failing.stdout, /^tsk format\.+Failed$/m);
    assert.match(failing.stdout, /^ {2}6:6 {2}error {2}expected a value after '=' {2}\[expected-value\]$/m);
    assert.match(failing.stdout, /^\+ {4}b = 1$/m);
    fs.writeFileSync(path.join(checkout, "config/gateway.tsk"), "api_gateway {\n    provider = \"kong\"\n}\n");
    fs.writeFileSync(path.join(checkout, "config/services.tsk"), "[services.users]\nport = 8080\n");
    fs.writeFileSync(path.join(checkout, "config/messy.tsk"), "a {\n    b = 1\n}\n");
    execFileSync("git", ["add", "."], { cwd: checkout });
    const passing = spawnSync("pre-commit", ["run", "--all-files", "--color", "never"], { cwd: checkout, env, encoding: "utf8" });
    assert.equal(passing.status, 0, passing.stdout + passing.stderr);
    assert.match(passing.stdout, /^tsk check\.+Passed$/m);
    assert.match(passing.stdout, /^tsk format\.+Passed$/m);
  });

  it("the README's example report is what tsk check prints", () => {
    const example = blocks("")[blocks("").findIndex((b) => b.startsWith("$ tsk check config\n"))];
    const r = run(["check", "config"], EXAMPLE);
    assert.equal(`$ tsk check config\n${r.stdout}`, example);
  });
});
