// The npm package `tsk-language-server`, as a user of another editor or a CI job gets it: the
// tarball `npm pack` makes (scripts/pack-npm.mjs), installed with `npm install -g` into a
// prefix of its own, and both commands run from there, as they would be from PATH.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import type { PublishDiagnosticsParams } from "vscode-languageserver-protocol";
import { repoRoot } from "../helpers/guide-example";
import { node22 } from "../editors/harness";
import { VERSION } from "../../server/src/version";

describe("the npm package (npm pack, npm install -g)", () => {
  let dir: string;
  let tarball: string;
  let bin: string;
  /** PATH with Node 22 first, then the prefix's bin: as a user's shell would find the commands. */
  let env: NodeJS.ProcessEnv;
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "tsk-npm-")));
    tarball = execFileSync(process.execPath, [path.join(repoRoot, "scripts/pack-npm.mjs"), dir], { cwd: repoRoot, encoding: "utf8" }).trim();
    const prefix = path.join(dir, "prefix");
    // No dependency to fetch: the install works offline.
    execFileSync("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], { cwd: dir, encoding: "utf8", stdio: "pipe" });
    bin = path.join(prefix, "bin");
    env = { ...process.env, PATH: [path.dirname(node22()), bin, process.env.PATH].join(path.delimiter) };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("holds what runs and nothing else: the entry points, the two bundles, the schemas, the manifest, README and licence", () => {
    const files = execFileSync("tar", ["tzf", tarball], { encoding: "utf8" }).split("\n").filter(Boolean).map((f) => f.replace(/^package\//, "")).sort();
    const schemas = fs.readdirSync(path.join(repoRoot, "schemas"), { recursive: true }).map(String).filter((f) => f.endsWith(".schema.json")).map((f) => `schemas/${f.split(path.sep).join("/")}`);
    assert.deepEqual(files, [
      "LICENSE", "README.md", "bin/tsk-language-server.js", "bin/tsk.js", "dist/cli.js", "dist/server.js", "package.json", ...schemas,
    ].sort());
    const manifest = JSON.parse(execFileSync("tar", ["xzf", tarball, "-O", "package/package.json"], { encoding: "utf8" })) as { version: string; dependencies?: unknown; bin: unknown };
    assert.equal(manifest.version, VERSION, "the extension's version");
    assert.equal(manifest.dependencies, undefined, "the bundles carry their dependencies");
    assert.deepEqual(manifest.bin, { tsk: "bin/tsk.js", "tsk-language-server": "bin/tsk-language-server.js" });
    assert.ok(fs.statSync(tarball).size < 1024 * 1024, `${fs.statSync(tarball).size} bytes`);
  });

  it("tsk, from PATH: --version, and check with the exact report", () => {
    const version = spawnSync("tsk", ["--version"], { env, encoding: "utf8" });
    assert.deepEqual([version.status, version.stdout], [0, `${VERSION}\n`]);
    fs.writeFileSync(path.join(dir, "app.tsk"), 'timeout =\nmicroservices.discovery.provider = "consol"\n');
    fs.writeFileSync(path.join(dir, "tsk.config.tsk"), 'rules.unknown-value = "error"\n');
    const r = spawnSync("tsk", ["check", "app.tsk"], { env, cwd: dir, encoding: "utf8" });
    assert.equal(r.stdout, [
      "app.tsk",
      "  1:9  error  expected a value after '='  [expected-value]",
      "    1 | timeout =",
      "      |         ^",
      "  2:36  error  \"consol\" is not a known value for 'microservices.discovery.provider': did you mean 'consul'? Known values: consul, etcd, zookeeper, eureka, nacos, kubernetes, dns and static  [unknown-value]",
      '    2 | microservices.discovery.provider = "consol"',
      "      |                                    ^^^^^^^^",
      "",
      "1 file checked: 2 errors, 0 warnings in 1 file",
      "",
    ].join("\n"), "the built-in schemas and tsk.config.tsk's rules, from the package");
    assert.equal(r.status, 1);
    const yaml = spawnSync("tsk", ["export", "-", "--format", "yaml"], { env, encoding: "utf8", input: "a { b = [1, \"x\"] }\n" });
    assert.equal(yaml.stdout, "a:\n  b:\n    - 1\n    - x\n");
  });

  it("tsk-language-server, from PATH: --version, --help, and a session over stdio", async () => {
    const version = spawnSync("tsk-language-server", ["--version"], { env, encoding: "utf8" });
    assert.deepEqual([version.status, version.stdout], [0, `${VERSION}\n`]);
    assert.match(spawnSync("tsk-language-server", ["--help"], { env, encoding: "utf8" }).stdout, /^Usage: tsk-language-server --stdio/);
    const child = spawn("tsk-language-server", ["--stdio"], { env, cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(path.join(dir, "app.tsk")).toString();
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => { if (p.uri === uri) resolve(p); }));
    connection.listen();
    try {
      await connection.sendRequest("initialize", { processId: process.pid, rootUri: pathToFileURL(dir).toString(), capabilities: {} });
      await connection.sendNotification("initialized", {});
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "tsk", version: 1, text: fs.readFileSync(path.join(dir, "app.tsk"), "utf8") } });
      const p = await published;
      assert.deepEqual(p.diagnostics.map((d) => [d.range.start.line, d.severity, d.code]), [[0, 1, "expected-value"], [1, 1, "unknown-value"]]);
      assert.equal(stderr, "");
    } finally {
      await connection.sendRequest("shutdown").catch(() => undefined);
      connection.dispose();
      child.kill();
    }
  });

  it("says, with an older Node first on PATH, which Node it needs", (t) => {
    // The machine's own node (Debian's is 20), wherever PATH has one older than 22.
    const old = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "node")).find((n) => {
      const v = spawnSync(n, ["--version"], { encoding: "utf8" });
      return v.status === 0 && Number(/^v(\d+)/.exec(v.stdout)?.[1]) < 22;
    });
    if (!old) return t.skip("no Node older than 22 on this machine");
    const version = spawnSync(old, ["--version"], { encoding: "utf8" }).stdout.trim().slice(1);
    const pathOld = { ...process.env, PATH: [path.dirname(old), bin, process.env.PATH].join(path.delimiter) };
    for (const command of ["tsk", "tsk-language-server"]) {
      const r = spawnSync(command, ["--version"], { env: pathOld, encoding: "utf8" });
      assert.deepEqual([r.status, r.stderr], [2, `${command} needs Node.js 22 or newer; this is Node.js ${version}.\n`]);
    }
  });
});
