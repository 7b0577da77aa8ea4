// `@config.tsk.get("a.b")` of a key the file does not define reads nothing.
import type { Finding, Rule } from "./rule";
import { parsePath } from "../paths/path";
import { didYouMean } from "../schemas/did-you-mean";

export const unknownFileKey: Rule = {
  code: "unknown-file-key",
  severity: "warning",
  description: "`@name.tsk.get(\"a.b\")` reads a key that the file (and the files it imports) does not define.",
  workspaceWide: true,
  check({ names, workspace }) {
    if (!workspace) return [];
    const out: Finding[] = [];
    for (const r of names.reads) {
      // `.set` may create the key; a computed key cannot be checked.
      if (r.method !== "get" || r.key === null || r.key === "") continue;
      const file = workspace.fileRead(r.file);
      if (file === null || workspace.hasKey(file, parsePath(r.key))) continue;
      const guess = didYouMean(r.key, workspace.keysOf(file));
      out.push({
        start: r.keyStart, end: r.keyEnd,
        message: `${r.file} has no key '${r.key}'${guess ? `: did you mean '${guess}'?` : ""}`,
        ...(guess ? { data: { replacement: JSON.stringify(guess) } } : {}),
      });
    }
    return out;
  },
};
