// What a user sees: the packaged .vsix installed into code-server, .tsk files open in the
// browser. It is the release's gate: the workflow runs it on the .vsix it publishes. Checks the colours, a squiggle and its message, the completion list and a hover,
// and captures each (TSK_UPDATE_SCREENSHOTS=1 writes them to docs/images/ for the README).
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { codeServerCli, makeScratch, missingEditors, openBrowser, startCodeServer, type CodeServer } from "./code-server";
import { makeWorkspace } from "./workspace";
import { repoRoot } from "../helpers/guide-example";

const shots = process.env.TSK_UPDATE_SCREENSHOTS === "1" ? path.join(repoRoot, "docs/images") : null;

describe("the packaged extension in the browser (code-server)", { timeout: 600_000 }, () => {
  let server: CodeServer;
  let context: BrowserContext;
  let page: Page;
  let scratch: string;

  before(async () => {
    const missing = missingEditors();
    assert.equal(missing, null, missing ?? "");
    const made = makeScratch();
    scratch = made.scratch;
    // The release gate passes the .vsix it is about to publish (TSK_VSIX); otherwise one is made.
    const vsix = process.env.TSK_VSIX ?? path.join(scratch, "tsk.vsix");
    if (!process.env.TSK_VSIX) {
      execFileSync(process.execPath, [path.join(repoRoot, "node_modules/@vscode/vsce/vsce"), "package", "--no-dependencies", "-o", vsix], { cwd: repoRoot, stdio: "pipe" });
    }
    await codeServerCli(scratch, made.extensionsDir, ["--install-extension", vsix]);
    server = await startCodeServer(made);
    ({ context, page } = await openBrowser(scratch));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(makeWorkspace())}`);
    await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  });

  after(async () => {
    await context?.close();
    await server?.stop();
  });

  const capture = async (name: string) => {
    const file = path.join(shots ?? scratch, `${name}.png`);
    if (shots) fs.mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: file });
  };

  async function openFile(name: string): Promise<void> {
    const tab = page.locator(`.tab[aria-label*="${name}"]`);
    if (await tab.count() > 0) {
      await tab.first().click();
    } else {
      await page.keyboard.press("Control+P");
      await page.keyboard.type(name);
      // Enter before the result row is there opens nothing.
      await page.locator(".quick-input-list .monaco-list-row", { hasText: name }).first().waitFor();
      await page.keyboard.press("Enter");
    }
    await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor();
    await page.locator(".monaco-editor .view-lines").first().click({ position: { x: 5, y: 5 } });
  }

  async function goTo(line: number, column: number): Promise<void> {
    await page.keyboard.press("Control+G");
    const input = page.locator(".quick-input-widget");
    await input.waitFor();
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press("Enter");
    await input.waitFor({ state: "hidden" });
  }

  /** Opens the suggestions at the cursor; asks again if the first request came too early. */
  async function suggest() {
    const rows = page.locator(".suggest-widget .monaco-list-row");
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press("Control+Space");
      try {
        await rows.first().waitFor({ timeout: 5_000 });
        return rows;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
  }

  /** The span the editor draws for `text` on screen. */
  const token = (text: string) => page.locator(".monaco-editor .view-line span span", { hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }).first();
  const colourOf = (text: string) => token(text).evaluate((e) => {
    // Runs in the browser, where getComputedStyle exists; the tests' types know no DOM.
    const window = globalThis as unknown as { getComputedStyle(e: unknown): { color: string } };
    return window.getComputedStyle(e).color;
  });

  it("colours each kind of token with the theme's colour for its scope", async () => {
    await openFile("guide.tsk");
    await token('"consul"').waitFor();
    const colours = {
      key: await colourOf("provider"),
      string: await colourOf('"consul"'),
      number: await colourOf("5"),
      boolean: await colourOf("true"),
    };
    assert.equal(new Set(Object.values(colours)).size, 4, JSON.stringify(colours));
    await capture("highlighting");
  });

  it("names the scopes in the token inspector", async () => {
    await token('"consul"').click();
    await page.keyboard.press("F1");
    await page.keyboard.type("Developer: Inspect Editor Tokens and Scopes");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Inspect Editor Tokens" }).first().waitFor();
    await page.keyboard.press("Enter");
    // It says "Loading..." while it asks the server for semantic tokens.
    const widget = page.locator(".token-inspect-widget", { hasText: "textmate scopes" });
    await widget.waitFor({ timeout: 15_000 });
    assert.match(await widget.innerText(), /string\.quoted\.double\.tsk/);
    await page.keyboard.press("Escape");
  });

  it("underlines a mistake and explains it on hover", async () => {
    await openFile("broken.tsk");
    await page.locator(".monaco-editor .squiggly-error").first().waitFor({ timeout: 30_000 });
    await page.locator(".monaco-editor .squiggly-warning").first().waitFor();
    await token('"consol"').hover();
    const hover = page.locator(".monaco-hover:visible", { hasText: "did you mean" });
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /did you mean 'consul'/);
    await capture("diagnostics");
    await page.mouse.move(5, 5);
  });

  it("lists the keys valid at the cursor", async () => {
    await openFile("guide.tsk");
    const text = fs.readFileSync(path.join(makeWorkspace(), "guide.tsk"), "utf8").split("\n");
    const line = text.findIndex((l) => l.includes("health_check_interval")) + 1;
    await goTo(line, 1);
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    const rows = await suggest();
    const labels = await rows.allInnerTexts();
    assert.ok(labels.some((l) => /namespace/.test(l)), labels.join(" | "));
    await capture("completion");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Control+Z");
  });

  it("describes a key on hover", async () => {
    await token("backoff").hover();
    const hover = page.locator(".monaco-hover:visible", { hasText: "retry_policy.backoff" });
    await hover.waitFor({ timeout: 15_000 });
    assert.match(await hover.innerText(), /exponential/);
    await capture("hover");
  });

  it("writes hints beside values and counts references above services", async () => {
    await openFile("features.tsk");
    // Inlay hints: the duration in a normal form, the defaults left unset.
    await page.locator(".monaco-editor .view-line", { hasText: "= 1m 30s" }).first().waitFor({ timeout: 30_000 });
    await page.locator(".monaco-editor .view-line", { hasText: "(defaults: timeout = 30)" }).first().waitFor();
    // Code lens above each service: billing is named by orders' depends_on.
    const lens = page.locator(".monaco-editor .codelens-decoration", { hasText: "1 reference" });
    await lens.first().waitFor({ timeout: 30_000 });
    await capture("editing");
  });

  it("shows an operator's signature while its arguments are typed", async () => {
    await openFile("features.tsk");
    await goTo(11, 1);
    await page.keyboard.type('region = @env("REGION", ');
    const hints = page.locator(".parameter-hints-widget", { hasText: "@env(name, default?)" });
    await hints.waitFor({ timeout: 15_000 });
    assert.equal(await page.locator(".parameter-hints-widget .parameter.active").first().innerText(), "default?");
    await capture("signature-help");
    await page.keyboard.press("Escape");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Control+Z");
  });

  it("colours a global read from another file as read-only (semantic tokens)", async () => {
    await openFile("app.tsk");
    await token("$region").click();
    await page.keyboard.press("F1");
    await page.keyboard.type("Developer: Inspect Editor Tokens and Scopes");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Inspect Editor Tokens" }).first().waitFor();
    await page.keyboard.press("Enter");
    const widget = page.locator(".token-inspect-widget", { hasText: "semantic token type" });
    await widget.waitFor({ timeout: 15_000 });
    const text = await widget.innerText();
    assert.match(text, /semantic token type\s*variable/);
    assert.match(text, /modifiers\s*readonly/);
    await page.keyboard.press("Escape");
  });

  it("restarts the server cleanly: no error in its output", async () => {
    await page.keyboard.press("F1");
    await page.keyboard.type("TSK: Restart Language Server");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Restart Language Server" }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("F1");
    await page.keyboard.type("TSK: Show Language Server Output");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "Show Language Server Output" }).first().waitFor();
    await page.keyboard.press("Enter");
    const output = page.locator(".output-view, .panel .monaco-editor", { hasText: "the language server was restarted" }).first();
    await output.waitFor({ timeout: 30_000 });
    const text = await output.innerText();
    assert.ok(!/\[Error/.test(text), text);
  });

  it("suggests keys as a key is typed, without asking", async () => {
    await openFile("features.tsk");
    await goTo(7, 1);
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.type("half", { delay: 50 });
    const row = page.locator(".suggest-widget .monaco-list-row", { hasText: "half_open_max_calls" });
    await row.first().waitFor({ timeout: 15_000 });
    await page.keyboard.press("Escape");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Z");
  });
});
