// The workspace the tests in real VS Code open: the guide's example, a broken file, and two
// files that share a global (app.tsk imports platform.tsk).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { guideExample } from "../helpers/guide-example";

export function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-vscode-workspace-"));
  fs.writeFileSync(path.join(dir, "guide.tsk"), guideExample());
  for (const name of ["broken.tsk", "platform.tsk", "app.tsk", "features.tsk"]) {
    fs.copyFileSync(path.join(__dirname, "../../../test/vscode/fixtures", name), path.join(dir, name));
  }
  return dir;
}
