// Runs the mocha suite of test/vscode/suite in real VS Code: code-server's node extension
// host, with this repository as the extension under development (its dist/ bundle).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { format } from "node:util";
import { missingEditors, makeScratch, startCodeServer, openBrowser } from "./code-server";
import { makeWorkspace } from "./workspace";
import { repoRoot } from "../helpers/guide-example";

describe("the extension in real VS Code (code-server)", () => {
  it("passes the integration suite in the extension host", { timeout: 300_000 }, async () => {
    const missing = missingEditors();
    assert.equal(missing, null, missing ?? "");
    const { scratch, extensionsDir } = makeScratch();
    const server = await startCodeServer({ scratch, extensionsDir, smokeTestDriver: true });
    const { context, page } = await openBrowser(scratch);
    const log: string[] = [];
    try {
      const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
      const payload = [
        ["extensionDevelopmentPath", remote(repoRoot)],
        ["extensionTestsPath", remote(path.join(repoRoot, "out/test/vscode/suite/index.js"))],
        ["skipWelcome", "true"],
      ];
      const exit = new Promise<number>((resolve) => {
        void page.exposeFunction("codeAutomationExit", (code: number) => resolve(code));
      });
      await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) => {
        log.push(`${type}: ${format(...args)}`);
      });
      const workspace = makeWorkspace();
      await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<number>((_, reject) => { timer = setTimeout(() => reject(new Error("the suite did not finish in 4 minutes")), 240_000); });
      const code = await Promise.race([exit, timeout]).finally(() => clearTimeout(timer));
      // The suite's own report (mocha's spec reporter) arrives through the log.
      const report = log.filter((l) => !/ENOTFOUND|gallery|marketplace/i.test(l)).join("\n");
      assert.equal(code, 0, report);
      assert.match(report, /passing/, report);
      assert.doesNotMatch(report, /failing/, report);
    } finally {
      await context.close();
      await server.stop();
    }
  });
});
