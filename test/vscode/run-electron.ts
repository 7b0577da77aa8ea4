// The same suite in desktop VS Code, for machines with the internet: @vscode/test-electron
// downloads VS Code on first use (it cannot here; test/vscode/integration.test.ts runs the
// suite in code-server instead). Run with `npm run test:electron`.
import * as path from "node:path";
import { runTests } from "@vscode/test-electron";
import { makeWorkspace } from "./workspace";
import { repoRoot } from "../helpers/guide-example";

async function main(): Promise<void> {
  await runTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, "out/test/vscode/suite/index.js"),
    launchArgs: [makeWorkspace(), "--disable-extensions", "--disable-workspace-trust"],
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
