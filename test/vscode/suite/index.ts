// The entry point VS Code's extension host calls with --extensionTestsPath: runs the mocha
// suite beside it, in the real extension host, against the real `vscode` API.
import * as fs from "node:fs";
import * as path from "node:path";
import Mocha from "mocha";

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: "bdd", color: false, timeout: 60_000, reporter: "spec" });
  for (const f of fs.readdirSync(__dirname)) {
    if (f.endsWith(".spec.js")) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} tests failed in VS Code`)) : resolve()));
  });
}
