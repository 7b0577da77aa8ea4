// The example of TuskLang's "Advanced Microservices Patterns" guide, verbatim
// (../shared/microservices-keys.md): it must parse, validate cleanly, and complete everywhere.
import * as fs from "node:fs";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "../../..");

export function guideExample(): string {
  const doc = fs.readFileSync(path.resolve(repoRoot, "../shared/microservices-keys.md"), "utf8");
  const m = /```\n(microservices = \{[\s\S]*?)```/.exec(doc);
  if (!m) throw new Error("the guide's example is missing from microservices-keys.md");
  return m[1];
}
