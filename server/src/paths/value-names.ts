// The names a file's values use: `$globals`, `@name.tsk.get("a.b")` reads, `@import` paths,
// bare words that name an earlier key, and strings that spell a name inside an expression.
// One walk per file; rules, the workspace index and navigation all read the result.
import type { Body, Expression, ImportDirective, WordExpr } from "../syntax/nodes";
import { forEachStatement } from "../syntax/syntax-tree";
import type { Definition, PathIndex } from "./definitions";
import { childPath, formatPath, type Path, type PathSegment } from "./path";

export interface NameUse { name: string; start: number; end: number }

/** One segment of the key path written inside a read's string: its name's absolute range. */
export interface KeySpan { segment: PathSegment; start: number; end: number; quoted: boolean }

/** `@name.tsk.get("a.b")` or `.set(…)`. */
export interface FileRead {
  /** `config.tsk` for `@config.tsk`. */
  file: string;
  method: "get" | "set";
  /** `@config.tsk`, the part that names the file. */
  fileStart: number;
  fileEnd: number;
  /** The key path's text; null when the argument is no plain string (computed: `"a." + $b`). */
  key: string | null;
  /** The argument's range, quotes included; the call's when there is no argument. */
  keyStart: number;
  keyEnd: number;
  /** Each segment's place inside the string; null when escapes make offsets differ from the value. */
  spans: KeySpan[] | null;
  /** The string's quote, when the key is a plain string. */
  quote: string | null;
}

export interface ImportUse { path: string; directive: ImportDirective; start: number; end: number }

/** A bare word value naming an earlier key of the same body (`display_version: internal_version`). */
export interface WordReference {
  /** The key it names, formatted. */
  path: string;
  start: number;
  end: number;
  /** The key it names, and the path of the value it stands as (`[a, b]`'s elements: an index further). */
  target: Path;
  at: Path;
}

export interface ValueNames {
  globalUses: NameUse[];
  reads: FileRead[];
  imports: ImportUse[];
  words: WordReference[];
  /** `$name` written inside a string: no use, but a rename cannot tell whether it should be one. */
  globalsInStrings: NameUse[];
  /** String literals inside computed expressions (`@env("SVC", "users")`), by value. */
  expressionStrings: NameUse[];
}

const GLOBAL_IN_STRING = /\$([A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*)/g;
const LITERAL = new Set(["string", "number", "boolean", "null", "range", "word", "text", "array", "object"]);

export function emptyValueNames(): ValueNames {
  return { globalUses: [], reads: [], imports: [], words: [], globalsInStrings: [], expressionStrings: [] };
}

/** The names the values of `body` (starting at `bodyStart`) use, but bare words, which need the whole file's keys. */
export function namesIn(body: Body, bodyStart: number): ValueNames {
  const out = emptyValueNames();
  forEachStatement(body, bodyStart, (s, start) => {
    if (s.kind === "assignment" && s.value) walkExpression(s.value, start, out);
    else if (s.kind === "expression") walkExpression(s.expression, start, out);
    else if (s.kind === "import") {
      if (s.path !== null && s.pathSpan) {
        out.imports.push({ path: s.path, directive: s.directive, start: start + s.pathSpan.start, end: start + s.pathSpan.end });
      }
      for (const arg of s.expression.kind === "call" ? s.expression.args.slice(1) : []) walkExpression(arg, start, out);
    }
  });
  return out;
}

/** Literal kinds: a value of one of these holds no computation. */
export function isLiteral(e: Expression): boolean {
  return LITERAL.has(e.kind);
}

interface Item { e: Expression; computed: boolean }

function walkExpression(root: Expression, base: number, out: ValueNames): void {
  const stack: Item[] = [{ e: root, computed: false }];
  while (stack.length > 0) {
    const { e, computed } = stack.pop()!;
    const inner = computed || !isLiteral(e);
    switch (e.kind) {
      case "global": out.globalUses.push({ name: e.name, start: base + e.start, end: base + e.end }); break;
      case "string": {
        if (computed) out.expressionStrings.push({ name: e.value, start: base + e.start, end: base + e.end });
        if (e.value.includes("$")) {
          for (const m of e.value.matchAll(GLOBAL_IN_STRING)) out.globalsInStrings.push({ name: m[1], start: base + e.start, end: base + e.end });
        }
        break;
      }
      case "text": {
        // Text read to the end of its line spells `$name` as a string would: no use, but a rename must see it.
        if (e.text.includes("$")) {
          for (const m of e.text.matchAll(GLOBAL_IN_STRING)) out.globalsInStrings.push({ name: m[1], start: base + e.start, end: base + e.end });
        }
        break;
      }
      case "call": {
        const read = readOf(e, base);
        if (read) {
          out.reads.push(read);
          // The key argument is the read's, not a string spelling a name; the rest are values.
          for (const a of e.args.slice(1)) stack.push({ e: a, computed: true });
          const arg = e.args[0];
          if (arg && arg.kind !== "string") stack.push({ e: arg, computed: true });
          break;
        }
        stack.push({ e: e.callee, computed: true });
        for (const a of e.args) stack.push({ e: a, computed: true });
        break;
      }
      case "member": stack.push({ e: e.object, computed: inner }); break;
      case "index": stack.push({ e: e.object, computed: inner }, { e: e.index, computed: inner }); break;
      case "unary": stack.push({ e: e.operand, computed: inner }); break;
      case "binary": stack.push({ e: e.left, computed: inner }, { e: e.right, computed: inner }); break;
      case "ternary": stack.push({ e: e.test, computed: inner }, { e: e.then, computed: inner }, { e: e.else, computed: inner }); break;
      case "paren": stack.push({ e: e.expression, computed: inner }); break;
      case "array": for (const el of e.elements) stack.push({ e: el, computed: inner }); break;
      case "object": for (const m of e.members) stack.push({ e: m.value, computed: inner }); break;
      default: break;
    }
  }
}

/** `@name.tsk.get(arg)` / `.set(arg, …)`, or null. */
function readOf(e: Expression & { kind: "call" }, base: number): FileRead | null {
  const method = e.callee;
  if (method.kind !== "member" || (method.name !== "get" && method.name !== "set")) return null;
  const tsk = method.object;
  if (tsk.kind !== "member" || tsk.name !== "tsk" || tsk.object.kind !== "operator") return null;
  const arg = e.args[0];
  const plain = arg?.kind === "string" && arg.terminated && arg.quote.length === 1;
  const key = plain ? arg.value : null;
  let spans: KeySpan[] | null = null;
  if (plain && key !== null) {
    // Offsets inside the string equal offsets in the value only when nothing is escaped.
    spans = arg.end - arg.start - 2 === key.length ? keySpans(key, base + arg.start + 1) : null;
  }
  return {
    file: `${tsk.object.name}.tsk`,
    method: method.name,
    fileStart: base + tsk.object.start,
    fileEnd: base + tsk.nameSpan.end,
    key,
    keyStart: base + (arg ? arg.start : e.start),
    keyEnd: base + (arg ? arg.end : e.end),
    spans,
    quote: plain ? arg.quote : null,
  };
}

/** The segments of `a.b."c.d"[0]`, each with its name's range (from `at`); null when malformed. */
export function keySpans(text: string, at: number): KeySpan[] | null {
  const out: KeySpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "[") {
      const close = text.indexOf("]", i);
      if (close < 0 || !/^\d+$/.test(text.slice(i + 1, close))) return null;
      out.push({ segment: Number(text.slice(i + 1, close)), start: at + i + 1, end: at + close, quoted: false });
      i = close + 1;
    } else if (c === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) return null;
      out.push({ segment: text.slice(i + 1, close), start: at + i + 1, end: at + close, quoted: true });
      i = close + 1;
    } else {
      let j = i;
      while (j < text.length && text[j] !== "." && text[j] !== "[") j++;
      if (j === i) return null;
      out.push({ segment: text.slice(i, j), start: at + i, end: at + j, quoted: false });
      i = j;
    }
    if (i < text.length && text[i] === ".") {
      i++;
      if (i >= text.length) return null;
    } else if (i < text.length && text[i] !== "[") return null;
  }
  return out.length > 0 ? out : null;
}

/** Bare words that name an earlier key of the same body: references, as tsk-language.md 3 says. */
export function collectWords(index: PathIndex, out: ValueNames, candidates: readonly Definition[] = index.definitions): void {
  for (const d of candidates) {
    const words = wordsOf(d);
    if (words.length === 0) continue;
    const parent = d.path.slice(0, -1);
    const array = d.value?.kind === "array" ? d.value.elements : null;
    for (const w of words) {
      const targetPath = [...parent, w.text];
      const target = formatPath(targetPath);
      const start = d.valueBase + w.start;
      const earlier = index.byPath.get(target)?.some((x) => !x.global && x.keyStart < start && x.keyStart !== d.keyStart);
      if (!earlier) continue;
      const at = array ? childPath(d.path, array.indexOf(w)) : d.path;
      out.words.push({ path: target, start, end: d.valueBase + w.end, target: targetPath, at });
    }
  }
}

/** The bare words a definition's value is, or holds as an array's elements. */
export function wordsOf(d: Definition): WordExpr[] {
  if (d.global || d.kind !== "value" || !d.value) return [];
  if (d.value.kind === "word") return [d.value];
  if (d.value.kind === "array") return d.value.elements.filter((x): x is WordExpr => x.kind === "word");
  return [];
}
