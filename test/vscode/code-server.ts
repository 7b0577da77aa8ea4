// Real VS Code for tests on a machine without the internet: code-server (VS Code for the
// browser, with the real node extension host) driven by Debian's Chromium through
// playwright-core. Installed by scripts/install-test-editors.sh into .vscode-test/.
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "../helpers/guide-example";

const cache = path.join(repoRoot, ".vscode-test/code-server");
const entry = path.join(cache, "node_modules/code-server/out/node/entry.js");
const node24 = path.join(cache, "node_modules/.bin/node");
const CHROMIUM = "/usr/bin/chromium";

/** Why the editors cannot run here, or null when they can. */
export function missingEditors(): string | null {
  if (!fs.existsSync(entry) || !fs.existsSync(node24)) return `code-server is not installed in ${cache}: run scripts/install-test-editors.sh`;
  if (!fs.existsSync(CHROMIUM)) return "Chromium is not installed: run scripts/install-test-editors.sh";
  return null;
}

export interface CodeServer {
  url: string;
  port: number;
  scratch: string;
  extensionsDir: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** Runs code-server's CLI (for --install-extension) with the same folders as `start`. */
export function codeServerCli(scratch: string, extensionsDir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(node24, [entry, "--user-data-dir", path.join(scratch, "data"), "--extensions-dir", extensionsDir, ...args], {
      env: { ...process.env, XDG_CONFIG_HOME: path.join(scratch, "config"), TMPDIR: path.join(scratch, "tmp") },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => { out += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { out += d.toString(); });
    child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(" ")} failed (${code}): ${out}`))));
  });
}

export function makeScratch(): { scratch: string; extensionsDir: string } {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-code-server-"));
  for (const d of ["data/User", "config", "tmp", "extensions"]) fs.mkdirSync(path.join(scratch, d), { recursive: true });
  // The web build saves what a test types into the fixtures unless told not to.
  fs.writeFileSync(path.join(scratch, "data/User/settings.json"), JSON.stringify({
    "files.autoSave": "off",
    "workbench.startupEditor": "none",
    "telemetry.telemetryLevel": "off",
    "extensions.autoUpdate": false,
    "workbench.colorTheme": "Default Dark Modern",
    "editor.minimap.enabled": false,
    "editor.fontSize": 14,
    "workbench.tips.enabled": false,
    "chat.disableAIFeatures": true,
    "workbench.secondarySideBar.defaultVisibility": "hidden",
  }, null, 2));
  return { scratch, extensionsDir: path.join(scratch, "extensions") };
}

export async function startCodeServer(opts: { scratch: string; extensionsDir: string; smokeTestDriver?: boolean }): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    entry, "--bind-addr", `127.0.0.1:${port}`, "--auth", "none",
    "--user-data-dir", path.join(opts.scratch, "data"), "--extensions-dir", opts.extensionsDir,
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--reconnection-grace-time", "5",
  ];
  if (opts.smokeTestDriver) args.push("--vscode-option", "enable-smoke-test-driver");
  const child: ChildProcess = spawn(node24, args, {
    env: { ...process.env, XDG_CONFIG_HOME: path.join(opts.scratch, "config"), TMPDIR: path.join(opts.scratch, "tmp") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => { log += d.toString(); });
  child.stderr!.on("data", (d: Buffer) => { log += d.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited: ${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url, port, scratch: opts.scratch, extensionsDir: opts.extensionsDir,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
    },
  };
}

export async function openBrowser(scratch: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(path.join(scratch, "browser"), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
