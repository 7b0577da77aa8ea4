// The workspace the tests in real VS Code open: the guide's example and a broken file.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { guideExample } from "../helpers/guide-example";

export function makeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-vscode-workspace-"));
  fs.writeFileSync(path.join(dir, "guide.tsk"), guideExample());
  fs.copyFileSync(path.join(__dirname, "../../../test/vscode/fixtures/broken.tsk"), path.join(dir, "broken.tsk"));
  return dir;
}
