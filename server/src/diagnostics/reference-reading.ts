// Where TuskLang's reference parsers read a line otherwise than it looks: a value read as text
// to the end of its line (`unquoted-text`, a hint), and a line that sets no key, which they drop
// (`ignored-line`). Both are rules: a user may turn them up, down or off.
import { forEachStatement, type SyntaxTree } from "../syntax/syntax-tree";
import { shownText } from "../syntax/shown-text";
import type { Body } from "../syntax/nodes";
import { colourIn, quoted, textHint } from "../syntax/text-value";
import type { Diagnostic } from "./diagnostic";

/** The reference parsers' key line: `key: value`, `$name = value` (after white space). */
const REFERENCE_KEY_LINE = /^[ \t]*(\$?[A-Za-z_][\w-]*)[ \t]*[:=][ \t]*\S/;

export function referenceReadingChecks(tree: SyntaxTree, body: Body, bodyStart: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const text = tree.buffer;
  forEachStatement(body, bodyStart, (s, at) => {
    if (s.kind === "assignment" && s.value?.kind === "text") {
      const v = s.value;
      // A colour is what it looks like: nothing to say.
      if (colourIn(v.text)?.rest === "") return;
      out.push({ start: at + v.start, end: at + v.end, severity: "hint", code: "unquoted-text", message: textHint(v.text), data: { replacement: quoted(v.text) } });
    } else if (s.kind === "expression" && !tree.api && s.problems.length === 0) {
      const whole = text.slice(at, at + s.width);
      const lines = whole.split(/\r\n|\r|\n/);
      out.push({
        start: at, end: at + lines[0].length, severity: "warning", code: "ignored-line",
        message: "TuskLang ignores this line: it sets no key. To keep its value, give it one, as in name = …",
      });
      // Inside a call over several lines, a `k: v` line is a key to the reference parsers, which read line by line.
      let offset = at + lines[0].length;
      for (let i = 1; i < lines.length; i++) {
        offset = text.slice(offset, offset + 2) === "\r\n" ? offset + 2 : offset + 1;
        const m = REFERENCE_KEY_LINE.exec(lines[i]);
        if (m) {
          const start = offset + lines[i].length - lines[i].trimStart().length;
          out.push({
            start, end: offset + lines[i].trimEnd().length, severity: "warning", code: "ignored-line",
            // No line number in the message: a part's checks move with it, unchanged, when lines come above.
            message: `TuskLang reads this line as the key '${shownText(m[1])}' on its own, not as part of the expression around it, which it ignores`,
          });
        }
        offset += lines[i].length;
      }
    }
  });
  return out;
}
