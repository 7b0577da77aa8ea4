// Quick fixes that rewrite a shape, not a word: a YAML `- item` list as an array, YAML block text
// as a `"""` string, a key a schema requires added to its object. Each gives up (no fix) rather
// than drop a comment or guess.
import type { SyntaxTree } from "../syntax/syntax-tree";
import { forEachStatement } from "../syntax/syntax-tree";
import type { TextEdit } from "./format";

export interface StructuralEdit { title: string; edit: TextEdit }

interface Line { start: number; end: number; text: string }

function lineAt(text: string, offset: number): Line {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const nl = text.indexOf("\n", offset);
  const end = nl < 0 ? text.length : nl;
  return { start, end, text: text.slice(start, end).replace(/\r$/, "") };
}

function nextLine(text: string, line: Line): Line | null {
  return line.end >= text.length ? null : lineAt(text, line.end + 1);
}

function previousLine(text: string, line: Line): Line | null {
  return line.start === 0 ? null : lineAt(text, line.start - 1);
}

const indentOf = (s: string) => /^[ \t]*/.exec(s)![0];
const ITEM = /^([ \t]*)-[ \t]+(.*?)[ \t]*$/;
const KEY_ALONE = /^([ \t]*[^\s=:#][^=:]*?)[ \t]*([:=])[ \t]*$/;
const LITERAL = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|true|false|null|[A-Za-z_][\w.-]*)$/;

/** `key:` over `- a` and `- b` lines, from the key's diagnostic or an item's: `key: [a, b]`. */
export function listToArray(text: string, offset: number): StructuralEdit | null {
  let keyLine: Line | null = lineAt(text, offset);
  while (keyLine && ITEM.test(keyLine.text)) keyLine = previousLine(text, keyLine);
  if (!keyLine) return null;
  const key = KEY_ALONE.exec(keyLine.text);
  if (!key) return null;
  const items: string[] = [];
  let last: Line | null = null;
  for (let l = nextLine(text, keyLine); l; l = nextLine(text, l)) {
    const m = ITEM.exec(l.text);
    if (!m) break;
    // A comment on an item would be lost in the one-line array: no fix.
    if (/(^|\s)(#|\/\/)/.test(m[2])) return null;
    items.push(LITERAL.test(m[2]) ? m[2] : JSON.stringify(m[2]));
    last = l;
  }
  if (!last || items.length === 0) return null;
  // From just after the separator to the end of the last item.
  const from = keyLine.start + keyLine.text.lastIndexOf(key[2]) + 1;
  return { title: "Write the list as an array", edit: { start: from, end: last.end, newText: ` [${items.join(", ")}]` } };
}

/** `key: |` over indented lines (YAML block text): the lines between `"""` and `"""`, as written. */
export function yamlBlockToString(text: string, offset: number): StructuralEdit | null {
  const keyLine = lineAt(text, offset);
  const base = indentOf(keyLine.text).length;
  const block: Line[] = [];
  for (let l = nextLine(text, keyLine); l; l = nextLine(text, l)) {
    if (l.text.trim() !== "" && indentOf(l.text).length <= base) break;
    block.push(l);
  }
  while (block.length > 0 && block[block.length - 1].text.trim() === "") block.pop();
  if (block.length === 0) return null;
  const lines = block.map((l) => l.text);
  if (lines.some((l) => l.includes('"""'))) return null;
  const strip = Math.min(...lines.filter((l) => l.trim() !== "").map((l) => indentOf(l).length));
  const body = lines.map((l) => l.slice(Math.min(strip, indentOf(l).length))).join("\n");
  // From the indicator (`|`, `|-`, `>`) to the end of the block's last line.
  const indicator = /[|>][-+]?[ \t]*$/.exec(keyLine.text);
  if (!indicator) return null;
  return {
    title: 'Write the block as a """ string',
    edit: { start: keyLine.start + indicator.index, end: block[block.length - 1].end, newText: `"""\n${body}\n"""` },
  };
}

/** The object whose key starts at `keyStart` gets `name = value`, where its other keys are. */
export function addMissingKey(tree: SyntaxTree, keyStart: number, missing: { name: string; value: string }): StructuralEdit | null {
  const text = tree.text;
  let found: StructuralEdit | null = null;
  forEachStatement(tree.root, 0, (s, at) => {
    if (found || !("key" in s) || !s.key || at + s.key.start !== keyStart) return;
    const entry = `${/^[A-Za-z_][\w-]*$/.test(missing.name) ? missing.name : JSON.stringify(missing.name)} = ${missing.value}`;
    const title = `Add the key '${missing.name}'`;
    if (s.kind === "section") {
      const header = lineAt(text, at);
      const eol = /\r\n/.test(text) ? "\r\n" : "\n";
      found = { title, edit: { start: header.end + (text[header.end] === "\n" ? 1 : 0), end: header.end + (text[header.end] === "\n" ? 1 : 0), newText: `${entry}${eol}` } };
      return;
    }
    if (s.kind !== "container" || !s.close) return;
    const close = at + s.close.start;
    const closeLine = lineAt(text, close);
    const own = lineAt(text, at);
    if (closeLine.start === own.start || text.slice(closeLine.start, close).trim() !== "") {
      // `a = { b = 1 }` on one line: the new member goes before the closer.
      const inside = text.slice(at + s.body.start, close).trim();
      const before = text.slice(0, close).replace(/[ \t]*$/, "").length;
      found = { title, edit: { start: before, end: close, newText: `${inside === "" ? " " : ", "}${entry} ` } };
      return;
    }
    const indent = indentOf(own.text) + (indentOf(own.text).includes("\t") ? "\t" : "    ");
    const eol = /\r\n/.test(text) ? "\r\n" : "\n";
    found = { title, edit: { start: closeLine.start, end: closeLine.start, newText: `${indent}${entry}${eol}` } };
  });
  return found;
}
