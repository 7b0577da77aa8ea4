// Signature help: inside the parentheses of `@operator(…)`, the operator's signature from the
// catalogue with the parameter the cursor is on. The call may be unfinished (no `)` yet, a
// string not closed): the text before the cursor is read for brackets, not the tree, which
// has no call there yet.
import type { SyntaxTree } from "../syntax/syntax-tree";
import { pathAt } from "../paths/path-at";
import { operatorNamed, type Operator } from "../operators/catalogue";
import { operatorSignature } from "./operator-docs";

export interface SignatureHelp {
  /** `@env(name, default?)`. */
  label: string;
  documentation: string;
  /** Each parameter's place in the label, and what it means. */
  parameters: { start: number; end: number; documentation: string }[];
  activeParameter: number;
}

/** How far back a call's `(` is looked for: a call longer than this is rare, and the walk stays cheap. */
const LOOK_BACK = 4096;

export function signatureHelp(tree: SyntaxTree, offset: number): SignatureHelp | null {
  const at = pathAt(tree, offset);
  if (at.target === "comment" || at.target === "too-deep") return null;
  const from = at.statement ? Math.max(at.statementStart, offset - LOOK_BACK) : tree.offsetAt({ line: tree.positionAt(offset).line, character: 0 });
  const call = openCall(tree.buffer.slice(from, offset));
  if (!call) return null;
  const op = operatorNamed(call.name);
  if (!op || op.form === "bare" || op.form === "member") return null;
  if (call.method !== null && !op.methods?.includes(call.method)) return null;
  const label = operatorSignature(op).replace(/^(@[\w-]+)\.[\w-]+\(/, call.method ? `$1.${call.method}(` : "$&");
  return {
    label,
    documentation: op.description,
    parameters: parameterPlaces(label, op),
    activeParameter: activeOf(op, call.commas),
  };
}

/** The innermost `@name(` or `@name.method(` still open at the end of `text`, and how many of its commas came before. */
function openCall(text: string): { name: string; method: string | null; commas: number } | null {
  const stack: { open: number; commas: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      // A string: to its end, or to the end of the text (the cursor is in it).
      const triple = text.startsWith(c.repeat(3), i);
      const close = triple ? text.indexOf(c.repeat(3), i + 3) : closingQuote(text, i);
      if (close < 0) break;
      i = triple ? close + 2 : close;
    } else if (c === "#" || (c === "/" && text[i + 1] === "/")) {
      const eol = text.indexOf("\n", i);
      if (eol < 0) return null;
      i = eol;
    } else if (c === "(" || c === "[" || c === "{") {
      stack.push({ open: c === "(" ? i : -1, commas: 0 });
    } else if (c === ")" || c === "]" || c === "}") {
      stack.pop();
    } else if (c === "," && stack.length > 0) {
      stack[stack.length - 1].commas++;
    }
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k].open < 0) return null;
    const head = /@([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?$/.exec(text.slice(Math.max(0, stack[k].open - 200), stack[k].open));
    if (head) return { name: head[1], method: head[2] ?? null, commas: stack[k].commas };
    // `(` of a grouping inside the arguments: the call is further out.
    if (!/[\s(,]$|^$/.test(text.slice(Math.max(0, stack[k].open - 1), stack[k].open))) return null;
  }
  return null;
}

function closingQuote(text: string, start: number): number {
  const q = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === "\\") i++;
    else if (text[i] === q) return i;
    else if (text[i] === "\n") return i;
  }
  return -1;
}

function parameterPlaces(label: string, op: Operator): { start: number; end: number; documentation: string }[] {
  const open = label.indexOf("(");
  const out: { start: number; end: number; documentation: string }[] = [];
  let at = open + 1;
  for (const p of op.params) {
    const end = label.indexOf(",", at) < 0 ? label.lastIndexOf(")") : label.indexOf(",", at);
    out.push({ start: at, end, documentation: p.doc });
    at = end + 2;
  }
  return out;
}

/** The parameter a comma count lands on: the last one takes all the rest when it is variadic. */
function activeOf(op: Operator, commas: number): number {
  if (op.params.length === 0) return 0;
  return Math.min(commas, op.params.length - 1);
}
