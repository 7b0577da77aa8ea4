// What the Neovim and Emacs tests share: the snippet of docs/editors.md, a workspace with a
// broken config, the npm package installed as docs/editors.md says (its commands on PATH, Node
// 22 first), and a guarded run of the editor.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

/** The first fenced block of docs/editors.md with this info string: the snippet users copy. */
export function snippet(info: string): string {
  const doc = fs.readFileSync(path.join(repoRoot, "docs/editors.md"), "utf8");
  const m = new RegExp("^```" + info + "\\n([\\s\\S]*?)^```$", "m").exec(doc);
  if (!m) throw new Error(`docs/editors.md has no \`\`\`${info} block`);
  return m[1];
}

/**
 * The config the editors open. Under the snippets' settings (retry-budget: error,
 * unused-global: off) its problems are the three in EXPECTED; under the defaults,
 * retry-budget would be a warning and $region would be reported.
 */
export const BROKEN_CONFIG = [
  "# The gateway, with the mistakes the editor must show",
  '$region = "eu-west-1"',
  "",
  'microservices.discovery.provider = "consol"',
  "",
  'service_mesh.traffic_policy.timeout = "10s"',
  "service_mesh.traffic_policy.retries = 3",
  'distributed_transactions.timeout = "30s"',
  "",
  "timeout =",
  "",
].join("\n");

/** Line (0-based) of the provider, the key hovered and the value completed. */
export const PROVIDER_LINE = 3;
export const PROVIDER_KEY = "microservices.discovery.provider = ";

export interface SeenDiagnostic { line: number; severity: "error" | "warning" | "info" | "hint"; code: string; message: string }

/** What a user must see in the editor for BROKEN_CONFIG, line by line. */
export const EXPECTED: { line: number; severity: SeenDiagnostic["severity"]; code: string; message: RegExp }[] = [
  { line: 3, severity: "warning", code: "unknown-value", message: /^"consol" is not a known value for 'microservices\.discovery\.provider': did you mean 'consul'\?/ },
  { line: 5, severity: "error", code: "retry-budget", message: /^4 tries of 10s take up to 40s, longer than the transaction timeout of 30s$/ },
  { line: 9, severity: "error", code: "expected-value", message: /^expected a value after '='$/ },
];

/**
 * The EXPECTED problems as `line:severity:code` (sorted), for the editor to wait for: a client
 * that pushes its settings (Neovim 0.7) first shows diagnostics under the defaults.
 */
export function expectedKeys(without: string[] = []): string {
  return EXPECTED.filter((e) => !without.includes(e.code)).map((e) => `${e.line}:${e.severity}:${e.code}`).sort().join(" ");
}

/** Fails the assertion with every diagnostic shown, when the seen ones are not EXPECTED (minus `without`). */
export function checkDiagnostics(seen: SeenDiagnostic[], assertOk: (ok: boolean, message: string) => void, without: string[] = []): void {
  const expected = EXPECTED.filter((e) => !without.includes(e.code));
  const sorted = [...seen].sort((a, b) => a.line - b.line);
  const ok = sorted.length === expected.length && expected.every((e, i) => {
    const s = sorted[i];
    return s.line === e.line && s.severity === e.severity && s.code === e.code && e.message.test(s.message);
  });
  assertOk(ok, `the editor shows\n${JSON.stringify(sorted, null, 2)}\nexpected\n${expected.map((e) => `line ${e.line} ${e.severity} [${e.code}] ${e.message}`).join("\n")}`);
}

/** A Node ≥ 22 binary: the server refuses older ones, and the machine's own node is 20. */
export function node22(): string {
  if (Number(process.versions.node.split(".")[0]) >= 22) return process.execPath;
  const local = path.join(repoRoot, "node_modules/.bin/node");
  const r = spawnSync(local, ["--version"], { encoding: "utf8" });
  if (r.status === 0 && Number(/^v(\d+)/.exec(r.stdout)?.[1]) >= 22) return fs.realpathSync(local);
  throw new Error(`no Node 22: this test runs under ${process.version}, and ${local} is missing or older`);
}

export interface Workspace {
  dir: string;
  file: string;
  /** The installed package's commands, `tsk-language-server` among them. */
  bin: string;
  /** PATH as a user's: Node 22 first, then the package's commands, then the machine's. */
  path: string;
  home: string;
  cleanup(): void;
}

/**
 * The npm package, packed (scripts/pack-npm.mjs) and installed with `npm install -g` into a
 * prefix of its own, as docs/editors.md has users install it: the editors run that command.
 */
export function installPackage(root: string): string {
  const tarball = execFileSync(process.execPath, [path.join(repoRoot, "scripts/pack-npm.mjs"), root], { cwd: repoRoot, encoding: "utf8" }).trim();
  const prefix = path.join(root, "prefix");
  execFileSync("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, tarball], { cwd: root, encoding: "utf8", stdio: "pipe" });
  return path.join(prefix, "bin");
}

/** A temp workspace with the broken config, and the package installed beside it. */
export function makeWorkspace(prefix: string): Workspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = path.join(root, "workspace");
  const home = path.join(root, "home");
  for (const d of [dir, home]) fs.mkdirSync(d);
  const file = path.join(dir, "gateway.tsk");
  fs.writeFileSync(file, BROKEN_CONFIG);
  const bin = installPackage(root);
  const pathVariable = [path.dirname(node22()), bin, process.env.PATH ?? ""].join(path.delimiter);
  return { dir, file, bin, path: pathVariable, home, cleanup: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** Throws, naming the Debian package, when the editor is missing: CI installs it, so a missing one is a failure. */
export function requireEditor(command: string, args: string[], debianPackages: string): string {
  const r = spawnSync(command, args, { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    throw new Error(`${command} is not installed or does not run (${r.error?.message ?? r.stderr.trim()}): ` +
      `install it with \`apt-get install -y --no-install-recommends ${debianPackages}\` (scripts/install-test-editors.sh does)`);
  }
  return r.stdout.split("\n")[0];
}

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs the editor to its end; the timeout only guards against a hang, and says so. */
export function runEditor(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} hung: still running after ${options.timeoutMs / 1000} s, killed.\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs);
    child.on("error", (e) => { clearTimeout(timer); reject(e); });
    child.on("close", (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}
