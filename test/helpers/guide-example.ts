// The example of TuskLang's "Advanced Microservices Patterns" guide, verbatim
// (test/fixtures/microservices-guide.tsk): it must parse, validate cleanly, and complete everywhere.
import * as fs from "node:fs";
import * as path from "node:path";

export const repoRoot = path.resolve(__dirname, "../../..");

/** What the tests read lives in the repository: a clone alone passes them. */
export const fixturesDir = path.join(repoRoot, "test/fixtures");

export function guideExample(): string {
  return fs.readFileSync(path.join(fixturesDir, "microservices-guide.tsk"), "utf8");
}
