// The TextMate grammar (syntaxes/tsk.tmLanguage.json), tokenized by vscode-textmate with the
// oniguruma engine VS Code ships, construct by construct: each test names the scope a theme
// colours and fails if the grammar stops giving it. Also: the guide's example, the examples and
// the corpus (cross-checked against the parser), and language-configuration.json.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as vsctm from "vscode-textmate";
import * as oniguruma from "vscode-oniguruma";
import { guideExample, repoRoot } from "../helpers/guide-example";
import { parse } from "../../server/src/syntax/syntax-tree";
import { indexPaths } from "../../server/src/paths/definitions";
import { json } from "../syntax/helpers";

// ---- loading and tokenizing ---------------------------------------------------------------

let grammarPromise: Promise<vsctm.IGrammar> | null = null;

function grammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm"));
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
        createOnigString: (text: string) => new oniguruma.OnigString(text),
      }),
      loadGrammar: async (scopeName: string) => {
        if (scopeName !== "source.tsk") return null;
        const file = path.join(repoRoot, "syntaxes/tsk.tmLanguage.json");
        return vsctm.parseRawGrammar(fs.readFileSync(file, "utf8"), file);
      },
    });
    const g = await registry.loadGrammar("source.tsk");
    if (!g) throw new Error("the grammar source.tsk did not load");
    return g;
  })();
  return grammarPromise;
}

interface Tokenized {
  lines: string[];
  tokens: vsctm.IToken[][];
  /** The rule stack after the last line: depth 1 when every region the text opened was closed. */
  end: vsctm.StateStack;
}

/** Tokenizes line by line, as VS Code does, carrying the rule stack from line to line. */
async function tokenize(text: string): Promise<Tokenized> {
  const g = await grammar();
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: vsctm.IToken[][] = [];
  let state = vsctm.INITIAL;
  for (const line of lines) {
    const r = g.tokenizeLine(line, state);
    assert.equal(r.stoppedEarly, false, `tokenizing stopped early on: ${line.slice(0, 80)}`);
    tokens.push(r.tokens);
    state = r.ruleStack;
  }
  return { lines, tokens, end: state };
}

/** TextMate selector semantics: `a.b` matches the scope `a.b` and `a.b.c.tsk`, not `a.bc`. */
const matches = (scope: string, selector: string) => scope === selector || scope.startsWith(selector + ".");

function scopesAt(t: Tokenized, line: number, column: number): string[] {
  const token = t.tokens[line - 1].find((k) => k.startIndex <= column && column < k.endIndex);
  return token ? token.scopes : [];
}

/** The tokens of a line with their scopes (source.tsk left out), for failure messages. */
function showLine(t: Tokenized, line: number): string {
  const text = t.lines[line - 1];
  return `line ${line}: ${JSON.stringify(text)}\n` + t.tokens[line - 1]
    .map((k) => `  ${JSON.stringify(text.slice(k.startIndex, k.endIndex))}: ${k.scopes.slice(1).join(" ")}`)
    .join("\n");
}

/** The columns of the `nth` occurrence of `text` on a line (1-based line numbers, as editors show). */
function find(t: Tokenized, line: number, text: string, nth: number): { start: number; end: number } {
  const content = t.lines[line - 1];
  assert.ok(content !== undefined, `no line ${line}`);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = content.indexOf(text, at + 1);
    assert.ok(at >= 0, `${JSON.stringify(text)} (occurrence ${nth}) is not on line ${line}: ${JSON.stringify(content)}`);
  }
  return { start: at, end: at + text.length };
}

/** Every character of `text` (its nth occurrence on line `line`) has a scope matching `selector`. */
function expectScope(t: Tokenized, line: number, text: string, selector: string, nth = 0): void {
  const { start, end } = find(t, line, text, nth);
  for (let c = start; c < end; c++) {
    const scopes = scopesAt(t, line, c);
    assert.ok(scopes.some((s) => matches(s, selector)),
      `${JSON.stringify(text)} on line ${line} should be ${selector}, but column ${c} has [${scopes.join(", ")}]\n${showLine(t, line)}`);
  }
}

/** No character of `text` (its nth occurrence on line `line`) has a scope matching `selector`. */
function expectNoScope(t: Tokenized, line: number, text: string, selector: string, nth = 0): void {
  const { start, end } = find(t, line, text, nth);
  for (let c = start; c < end; c++) {
    const scopes = scopesAt(t, line, c);
    assert.ok(!scopes.some((s) => matches(s, selector)),
      `${JSON.stringify(text)} on line ${line} should not be ${selector}, but column ${c} has [${scopes.join(", ")}]\n${showLine(t, line)}`);
  }
}

/** Every token that carries a scope matching `selector`, as `line N: "text" scopes`. */
function tokensWith(t: Tokenized, selector: string): string[] {
  const out: string[] = [];
  t.tokens.forEach((line, i) => {
    for (const k of line) {
      if (k.scopes.some((s) => matches(s, selector))) {
        out.push(`line ${i + 1}: ${JSON.stringify(t.lines[i].slice(k.startIndex, k.endIndex))} ${k.scopes.slice(1).join(" ")}`);
      }
    }
  });
  return out;
}

/** Scopes that name a key, whichever spelling defines it. */
const KEY_SCOPES = ["support.type.property-name", "variable.other.global", "entity.name.section"];

/**
 * Every key the parser finds (sections, blocks, objects, dotted keys, $globals, keys inside
 * values) is scoped as a key by the grammar: the two must agree on what a key is.
 */
function expectParserKeysScoped(t: Tokenized, text: string, label: string): void {
  const lineStarts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(m.index + m[0].length);
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const defs = indexPaths(parse(text)).definitions;
  assert.ok(defs.length > 0, `${label}: the parser found no key`);
  for (const d of defs) {
    const line = lineOf(d.keyStart);
    for (let offset = d.keyStart; offset < d.keyEnd; offset++) {
      const scopes = scopesAt(t, line + 1, offset - lineStarts[line]);
      assert.ok(scopes.some((s) => KEY_SCOPES.some((k) => matches(s, k))),
        `${label}: the parser's key ${JSON.stringify(text.slice(d.keyStart, d.keyEnd))} (${d.kind}) is not scoped as a key\n${showLine(t, line + 1)}`);
    }
  }
}

const lines = (...l: string[]) => l.join("\n");

// ---- constructs ---------------------------------------------------------------------------

describe("grammar: comments", () => {
  it("'#' and '//' line comments, on their own line and trailing, with their punctuation", async () => {
    const t = await tokenize(lines(
      "# own line",
      "// also own line",
      "port = 8080  # admin port",
      "host = \"h\" // trailing",
    ));
    expectScope(t, 1, "# own line", "comment.line.number-sign.tsk");
    expectScope(t, 1, "#", "punctuation.definition.comment.tsk");
    expectScope(t, 2, "// also own line", "comment.line.double-slash.tsk");
    expectScope(t, 2, "//", "punctuation.definition.comment.tsk");
    expectScope(t, 3, "port", "support.type.property-name");
    expectScope(t, 3, "8080", "constant.numeric");
    expectNoScope(t, 3, "8080", "comment");
    expectScope(t, 3, "# admin port", "comment.line.number-sign");
    expectScope(t, 4, "// trailing", "comment.line.double-slash");
    expectNoScope(t, 4, "\"h\"", "comment");
  });

  it("'/* */' block comments, inside a line and over several lines", async () => {
    const t = await tokenize(lines(
      "a = /* why */ 1",
      "/* a block",
      "   key = 1",
      "   over lines */",
      "after = 2",
    ));
    expectScope(t, 1, "/* why */", "comment.block.tsk");
    expectScope(t, 1, "/*", "punctuation.definition.comment");
    expectScope(t, 1, "*/", "punctuation.definition.comment");
    expectScope(t, 1, "1", "constant.numeric");
    expectScope(t, 3, "key = 1", "comment.block.tsk");
    expectNoScope(t, 3, "key", "support.type.property-name");
    expectScope(t, 4, "*/", "comment.block.tsk");
    expectScope(t, 5, "after", "support.type.property-name");
    expectNoScope(t, 5, "after", "comment");
  });

  it("'#' or '//' inside a quoted string, and '//' in an unquoted URL, are no comments", async () => {
    const t = await tokenize(lines(
      "color = \"#ff0000\"",
      "path = '// not a comment # either'",
      "url = http://consul1:8500/v1 # this one is",
    ));
    expectScope(t, 1, "#ff0000", "string.quoted.double");
    expectNoScope(t, 1, "#ff0000", "comment");
    expectNoScope(t, 2, "// not a comment # either", "comment");
    expectScope(t, 3, "http://consul1:8500/v1", "string.unquoted");
    expectNoScope(t, 3, "//consul1", "comment");
    expectScope(t, 3, "# this one is", "comment.line.number-sign");
  });
});

describe("grammar: directives", () => {
  it("'#!api' and '#!schema <path>' at the start of a line are directives, not comments", async () => {
    const t = await tokenize(lines(
      "#!api",
      "#!schema ./schemas/payments.schema.json",
      "x = 1 #!not a directive",
      "\uFEFF#!api",
    ));
    expectScope(t, 1, "#!api", "meta.preprocessor");
    expectScope(t, 1, "#!api", "keyword.other.directive.tsk");
    expectScope(t, 1, "#!", "punctuation.definition.directive");
    expectNoScope(t, 1, "#!api", "comment");
    expectScope(t, 2, "schema", "keyword.other.directive");
    expectScope(t, 2, "./schemas/payments.schema.json", "string.unquoted");
    expectScope(t, 2, "./schemas/payments.schema.json", "meta.preprocessor");
    expectScope(t, 3, "#!not a directive", "comment.line.number-sign");
    expectNoScope(t, 3, "#!not", "keyword.other.directive");
    // A byte order mark before it (some editors write one) does not hide the directive.
    expectScope(t, 4, "#!api", "keyword.other.directive");
  });
});

describe("grammar: sections", () => {
  it("'[name]' and '[a.b.c]' headers: the names, the dots and the brackets", async () => {
    const t = await tokenize(lines(
      "[database]",
      "[api_gateway.rate_limit.burst]  # trailing",
      "host = \"h\"",
      "list = [a, b]",
    ));
    expectScope(t, 1, "database", "entity.name.section");
    expectScope(t, 1, "database", "meta.section.tsk");
    expectScope(t, 1, "[", "punctuation.definition.section.begin");
    expectScope(t, 1, "]", "punctuation.definition.section.end");
    for (const name of ["api_gateway", "rate_limit", "burst"]) expectScope(t, 2, name, "entity.name.section");
    expectScope(t, 2, ".", "punctuation.separator.dot", 0);
    expectScope(t, 2, ".", "punctuation.separator.dot", 1);
    expectScope(t, 2, "# trailing", "comment.line");
    expectScope(t, 3, "host", "support.type.property-name");
    // An array value is no section header.
    expectNoScope(t, 4, "a", "entity.name.section");
    expectScope(t, 4, "[", "punctuation.definition.array.begin");
  });
});

describe("grammar: keys", () => {
  it("plain, dashed, dotted, quoted and $global keys, with '=' or ':'", async () => {
    const t = await tokenize(lines(
      "host = \"h\"",
      "port: 5432",
      "max-connections = 100",
      "discovery.retry_policy.max_attempts = 5",
      "\"/api/v1/users\" = { service = \"users\" }",
      "$app_name: \"TuskLang\"",
      "'single' = 1",
      "timeout =",
    ));
    expectScope(t, 1, "host", "support.type.property-name.tsk");
    expectScope(t, 1, "=", "punctuation.separator.key-value.tsk");
    expectScope(t, 2, "port", "support.type.property-name");
    expectScope(t, 2, ":", "punctuation.separator.key-value");
    expectScope(t, 3, "max-connections", "support.type.property-name");
    for (const seg of ["discovery", "retry_policy", "max_attempts"]) expectScope(t, 4, seg, "support.type.property-name");
    expectScope(t, 4, ".", "punctuation.separator.dot.tsk", 0);
    expectScope(t, 4, ".", "punctuation.separator.dot.tsk", 1);
    expectScope(t, 5, "\"/api/v1/users\"", "support.type.property-name");
    expectScope(t, 5, "\"/api/v1/users\"", "string.quoted.double");
    expectScope(t, 5, "service", "support.type.property-name");
    expectScope(t, 6, "$app_name", "variable.other.global.tsk");
    expectScope(t, 6, "$", "punctuation.definition.variable");
    expectScope(t, 6, ":", "punctuation.separator.key-value");
    expectScope(t, 7, "'single'", "support.type.property-name");
    expectScope(t, 8, "timeout", "support.type.property-name");
    expectScope(t, 8, "=", "punctuation.separator.key-value");
  });

  it("a word alone where a statement starts is a key being typed, not a string (editors suggest keys there)", async () => {
    const t = await tokenize(lines("microservices {", "    prov", "    discovery.ti", "}", "prov # typing"));
    expectScope(t, 2, "prov", "support.type.property-name.tsk");
    expectNoScope(t, 2, "prov", "string");
    expectScope(t, 3, "discovery", "support.type.property-name.tsk");
    expectScope(t, 3, "ti", "support.type.property-name.tsk");
    expectScope(t, 5, "prov", "support.type.property-name.tsk");
    const values = await tokenize(lines("provider = consul", "endpoints = [", "    consul", "]"));
    expectScope(values, 1, "consul", "string.unquoted.tsk");
    expectNoScope(values, 3, "consul", "support.type.property-name.tsk");
  });

  it("keys start statements only: '==', URLs and ternary ':' make no key", async () => {
    const t = await tokenize(lines(
      "#!api",
      "format == \"html\" ? html_response : json_response",
      "http://example.com/x",
      "a = 1; b = 2",
    ));
    expectNoScope(t, 2, "format", "support.type.property-name");
    expectScope(t, 2, "==", "keyword.operator.comparison");
    expectNoScope(t, 2, "html_response", "support.type.property-name");
    expectScope(t, 2, ":", "keyword.operator.ternary");
    expectNoScope(t, 3, "http", "support.type.property-name");
    expectScope(t, 3, "http://example.com/x", "string.unquoted");
    // After ';' a new statement starts.
    expectScope(t, 4, "b", "support.type.property-name");
    expectScope(t, 4, ";", "punctuation.terminator.statement.tsk");
  });
});

describe("grammar: blocks", () => {
  it("'name { … }': the name, the braces, and keys inside", async () => {
    const t = await tokenize(lines(
      "server {",
      "    host: \"0.0.0.0\"",
      "    workers: 4",
      "}",
      "after = 1",
    ));
    expectScope(t, 1, "server", "entity.name.section.block");
    expectScope(t, 1, "server", "entity.name.type");
    expectScope(t, 1, "{", "punctuation.section.block.begin");
    expectScope(t, 2, "host", "support.type.property-name");
    expectScope(t, 2, "host", "meta.block.tsk");
    expectScope(t, 3, "workers", "support.type.property-name");
    expectScope(t, 4, "}", "punctuation.section.block.end");
    expectScope(t, 5, "after", "support.type.property-name");
    expectNoScope(t, 5, "after", "meta.block");
  });

  it("'name > … <': '>' ends the opening line, '<' alone closes", async () => {
    const t = await tokenize(lines(
      "cache >   # the angle style",
      "    driver: \"redis\"",
      "    ssl >",
      "        enabled: $environment == \"production\"",
      "        big: size > 10",
      "    <",
      "<",
      "after = 1",
    ));
    expectScope(t, 1, "cache", "entity.name.section.block");
    expectScope(t, 1, ">", "punctuation.section.block.begin.angle");
    expectScope(t, 1, "# the angle style", "comment.line");
    expectScope(t, 2, "driver", "support.type.property-name");
    expectScope(t, 2, "driver", "meta.block.angle");
    expectScope(t, 3, "ssl", "entity.name.section.block");
    expectScope(t, 4, "enabled", "support.type.property-name");
    // A '>' inside an expression is a comparison, never a block.
    expectScope(t, 5, ">", "keyword.operator.comparison");
    expectNoScope(t, 5, "size", "entity.name.section");
    expectScope(t, 6, "<", "punctuation.section.block.end.angle");
    expectScope(t, 7, "<", "punctuation.section.block.end.angle");
    expectScope(t, 8, "after", "support.type.property-name");
    expectNoScope(t, 8, "after", "meta.block");
  });

  it("dotted block names, and blocks of one style inside the other", async () => {
    const t = await tokenize(lines(
      "a.b {",
      "    inner >",
      "        deep { x = 1 }",
      "    <",
      "}",
    ));
    expectScope(t, 1, "a", "entity.name.section.block");
    expectScope(t, 1, "b", "entity.name.section.block");
    expectScope(t, 1, ".", "punctuation.separator.dot");
    expectScope(t, 2, "inner", "entity.name.section.block");
    expectScope(t, 3, "deep", "entity.name.section.block");
    expectScope(t, 3, "x", "support.type.property-name");
    expectScope(t, 4, "<", "punctuation.section.block.end.angle");
    expectScope(t, 5, "}", "punctuation.section.block.end");
  });
});

describe("grammar: strings", () => {
  it("double and single quotes, with escapes", async () => {
    const t = await tokenize(lines(
      "a = \"line\\nnext\\t\\\"q\\\" \\u00e9 \\\\ \\0\"",
      "b = 'it\\'s'",
    ));
    expectScope(t, 1, "\"line", "string.quoted.double.tsk");
    expectScope(t, 1, "\"", "punctuation.definition.string.begin", 0);
    for (const esc of ["\\n", "\\t", "\\\"", "\\u00e9", "\\\\", "\\0"]) expectScope(t, 1, esc, "constant.character.escape.tsk");
    expectNoScope(t, 1, "\"line\\nnext", "invalid");
    expectScope(t, 2, "'it\\'s'", "string.quoted.single.tsk");
    expectScope(t, 2, "\\'", "constant.character.escape");
  });

  it("an unknown escape is string text, kept as written (a hint says so, as for a regular expression's \\d)", async () => {
    const t = await tokenize("a = \"C:\\q\"");
    expectScope(t, 1, "\\q", "meta.escape.unrecognized.tsk");
    expectScope(t, 1, "\\q", "string.quoted.double");
    expectNoScope(t, 1, "\\q", "invalid");
    expectNoScope(t, 1, "\\q", "constant.character.escape");
  });

  it("an unterminated string ends at the end of its line, marked, and the next line is untouched", async () => {
    const t = await tokenize(lines(
      "name = \"oops",
      "next = 1",
      "other = 'also",
      "last: true",
    ));
    expectScope(t, 1, "oops", "string.quoted.double");
    expectScope(t, 1, "oops", "invalid.illegal");
    expectScope(t, 2, "next", "support.type.property-name");
    expectNoScope(t, 2, "next = 1", "string");
    expectScope(t, 2, "1", "constant.numeric");
    expectScope(t, 3, "also", "invalid.illegal");
    expectScope(t, 4, "last", "support.type.property-name");
    expectScope(t, 4, "true", "constant.language.boolean");
    assert.equal(t.end.depth, 1, "no region is left open");
  });

  it("'\"\"\"' and \"'''\" strings span lines, and are raw", async () => {
    const t = await tokenize(lines(
      "script = \"\"\"",
      "function add(a, b) { return a + b; }",
      "key = 1  # \\q",
      "\"\"\"",
      "other = '''one",
      "two'''",
      "after = 1",
    ));
    expectScope(t, 1, "\"\"\"", "string.quoted.triple.tsk");
    expectScope(t, 1, "\"\"\"", "punctuation.definition.string.begin");
    expectScope(t, 2, "function add(a, b) { return a + b; }", "string.quoted.triple");
    expectScope(t, 3, "key = 1  # \\q", "string.quoted.triple");
    expectNoScope(t, 3, "key", "support.type.property-name");
    expectNoScope(t, 3, "# \\q", "comment");
    expectNoScope(t, 3, "\\q", "invalid");
    expectScope(t, 4, "\"\"\"", "punctuation.definition.string.end");
    expectScope(t, 5, "'''one", "string.quoted.triple");
    expectScope(t, 6, "two'''", "string.quoted.triple");
    expectScope(t, 7, "after", "support.type.property-name");
    expectNoScope(t, 7, "after", "string");
  });

  it("inside ( ) and [ ] a quoted string may span lines, as the parser reads @graphql(\"…\")", async () => {
    const t = await tokenize(lines(
      "q = @graphql(\"",
      "    query GetUser($id: ID!) {",
      "        name: String",
      "    }",
      "\", {\"id\": \"123\"})",
      "after = 1",
    ));
    expectScope(t, 2, "query GetUser($id: ID!) {", "string.quoted.double");
    expectScope(t, 3, "name: String", "string.quoted.double");
    expectNoScope(t, 3, "name", "support.type.property-name");
    expectScope(t, 5, "\"", "punctuation.definition.string.end", 0);
    expectScope(t, 5, "\"id\"", "support.type.property-name");
    expectScope(t, 5, "\"123\"", "string.quoted.double");
    expectScope(t, 5, ")", "punctuation.definition.arguments.end");
    expectScope(t, 6, "after", "support.type.property-name");
    assert.equal(t.end.depth, 1);
  });
});

describe("grammar: numbers, booleans, null, ranges", () => {
  it("integers, negatives, floats and exponents", async () => {
    const t = await tokenize(lines(
      "a = 42",
      "b = -7",
      "c = 3.14",
      "d = 1e6",
      "e = -2.5E-3",
      "f = [0, 10]",
    ));
    expectScope(t, 1, "42", "constant.numeric.integer.tsk");
    expectScope(t, 2, "-7", "constant.numeric.integer");
    expectScope(t, 3, "3.14", "constant.numeric.float.tsk");
    expectScope(t, 4, "1e6", "constant.numeric.float");
    expectScope(t, 5, "-2.5E-3", "constant.numeric.float");
    expectScope(t, 6, "0", "constant.numeric");
    expectScope(t, 6, "10", "constant.numeric");
  });

  it("a word that starts with a digit but is no number is an unquoted string", async () => {
    const t = await tokenize(lines("version = 1.0.0", "interval = 10s", "day = 2024-01-01", "hex = 0x1F"));
    expectScope(t, 1, "1.0.0", "string.unquoted");
    expectNoScope(t, 1, "1.0.0", "constant.numeric");
    expectScope(t, 2, "10s", "string.unquoted");
    expectNoScope(t, 2, "10s", "constant.numeric");
    expectScope(t, 3, "2024-01-01", "string.unquoted");
    expectNoScope(t, 3, "2024-01-01", "constant.numeric");
    // TSK has no hex numbers.
    expectNoScope(t, 4, "0x1F", "constant.numeric");
  });

  it("ranges: two integers joined by '-', nothing around it; '5 - 3' is subtraction", async () => {
    const t = await tokenize(lines("ports = 8000-9000", "x = 5 - 3", "memory_range: 128-2048  # MB"));
    expectScope(t, 1, "8000-9000", "constant.numeric.range.tsk");
    expectScope(t, 1, "-", "punctuation.separator.range");
    expectNoScope(t, 2, "5 - 3", "constant.numeric.range");
    expectScope(t, 2, "-", "keyword.operator.arithmetic");
    expectScope(t, 2, "5", "constant.numeric.integer");
    expectScope(t, 3, "128-2048", "constant.numeric.range");
  });

  it("true, false and null, lowercase only", async () => {
    const t = await tokenize(lines("a = true", "b = false", "c = null", "d = True", "e = true_ish"));
    expectScope(t, 1, "true", "constant.language.boolean.tsk");
    expectScope(t, 2, "false", "constant.language.boolean");
    expectScope(t, 3, "null", "constant.language.null.tsk");
    expectNoScope(t, 4, "True", "constant.language");
    expectScope(t, 4, "True", "string.unquoted");
    expectNoScope(t, 5, "true_ish", "constant.language");
  });
});

describe("grammar: unquoted words and URLs", () => {
  it("bare words (with dashes) and URLs are unquoted strings", async () => {
    const t = await tokenize(lines(
      "provider: consul",
      "region = us-east-1",
      "url: http://consul1:8500",
      "display_version: internal_version",
    ));
    expectScope(t, 1, "consul", "string.unquoted.tsk");
    expectScope(t, 2, "us-east-1", "string.unquoted");
    expectNoScope(t, 2, "1", "constant.numeric");
    expectScope(t, 3, "http://consul1:8500", "string.unquoted.url");
    expectNoScope(t, 3, "8500", "constant.numeric");
    expectScope(t, 4, "internal_version", "string.unquoted");
  });
});

describe("grammar: @operators, calls, imports, globals", () => {
  it("@name(args), nested, with the '@' and the arguments' brackets", async () => {
    const t = await tokenize(lines(
      "host = @env(\"DB_HOST\", \"localhost\")",
      "c = @cache(\"5m\", @query(\"SELECT 1\"))",
    ));
    expectScope(t, 1, "@env", "support.function.operator.tsk");
    expectScope(t, 1, "@", "punctuation.definition.function");
    expectScope(t, 1, "(", "punctuation.definition.arguments.begin");
    expectScope(t, 1, ")", "punctuation.definition.arguments.end");
    expectScope(t, 1, "\"DB_HOST\"", "string.quoted.double");
    expectScope(t, 1, "\"DB_HOST\"", "meta.function-call");
    expectScope(t, 1, ",", "punctuation.separator.comma");
    expectScope(t, 2, "@cache", "support.function");
    expectScope(t, 2, "@query", "support.function");
    expectScope(t, 2, "\"SELECT 1\"", "string.quoted.double");
  });

  it("dotted names and chained calls: @request.query.page, @query(…).where(…).find()", async () => {
    const t = await tokenize(lines(
      "page: @request.query.page || 1",
      "id: @request.headers.x-request-id",
      "users = @query(\"Users\").where(\"active\", true).find()",
      "n = users.length",
    ));
    expectScope(t, 1, "@request.query.page", "support.function.operator");
    expectScope(t, 1, ".", "punctuation.accessor", 0);
    expectScope(t, 1, "||", "keyword.operator.logical");
    expectScope(t, 2, "x-request-id", "support.function.operator");
    expectScope(t, 3, "@query", "support.function.operator");
    expectScope(t, 3, "where", "entity.name.function");
    expectScope(t, 3, "find", "entity.name.function");
    expectScope(t, 3, "true", "constant.language.boolean");
    expectScope(t, 4, "users.length", "string.unquoted");
  });

  it("@file.tsk.get(\"key.path\") and .set(…): the file and the accessor", async () => {
    const t = await tokenize(lines(
      "db = @config.tsk.get(\"database.host\")",
      "n = @metrics.tsk.set('startup.count', @metrics.tsk.get('startup.count') + 1)",
    ));
    expectScope(t, 1, "@config.tsk", "entity.name.type.module");
    expectScope(t, 1, "get", "support.function.cross-file");
    expectScope(t, 1, "\"database.host\"", "string.quoted.double");
    expectScope(t, 1, "\"database.host\"", "meta.function-call.cross-file");
    expectScope(t, 2, "set", "support.function.cross-file");
    expectScope(t, 2, "get", "support.function.cross-file");
    expectScope(t, 2, "+", "keyword.operator.arithmetic");
  });

  it("@import and @include are import keywords", async () => {
    const t = await tokenize(lines("@import(\"shared.tsk\")", "@include('base.tsk')"));
    expectScope(t, 1, "@import", "keyword.control.import.tsk");
    expectScope(t, 1, "\"shared.tsk\"", "string.quoted.double");
    expectScope(t, 2, "@include", "keyword.control.import");
    expectNoScope(t, 2, "@include", "support.function");
  });

  it("calls without '@': a word followed by '('", async () => {
    const t = await tokenize(lines("home = env(\"HOME\")", "now = php(time())"));
    expectScope(t, 1, "env", "entity.name.function.tsk");
    expectScope(t, 1, "\"HOME\"", "string.quoted.double");
    expectScope(t, 2, "php", "entity.name.function");
    expectScope(t, 2, "time", "entity.name.function");
  });

  it("$globals in values; shell-style ${…} is not TSK", async () => {
    const t = await tokenize(lines(
      "log = \"/var/log/\" + $app_name + \".log\"",
      "port = ${SERVER_PORT:-8080}",
    ));
    expectScope(t, 1, "$app_name", "variable.other.global.tsk");
    expectScope(t, 1, "$", "punctuation.definition.variable");
    expectScope(t, 1, "+", "keyword.operator.arithmetic", 0);
    expectScope(t, 2, "${SERVER_PORT:-8080}", "invalid.illegal");
  });

  it("expression operators", async () => {
    const t = await tokenize(lines(
      "a = 1 + 2 - 3 * 4 / 5 % 6",
      "b = x == y != z",
      "c = x < y > z <= w >= v",
      "d = !x && y || z",
      "e = cond ? 1 : 2",
    ));
    for (const op of ["+", "-", "*", "/", "%"]) expectScope(t, 1, op, "keyword.operator.arithmetic.tsk");
    for (const op of ["==", "!="]) expectScope(t, 2, op, "keyword.operator.comparison.tsk");
    for (const op of ["<=", ">="]) expectScope(t, 3, op, "keyword.operator.comparison");
    expectScope(t, 3, "<", "keyword.operator.comparison", 0);
    expectScope(t, 3, ">", "keyword.operator.comparison", 0);
    for (const op of ["!", "&&", "||"]) expectScope(t, 4, op, "keyword.operator.logical.tsk");
    expectScope(t, 5, "?", "keyword.operator.ternary.tsk");
    expectScope(t, 5, ":", "keyword.operator.ternary");
    expectScope(t, 5, "1", "constant.numeric");
  });
});

describe("grammar: what no token starts", () => {
  it("characters the lexer rejects and brackets that close nothing are invalid, where the parser says so", async () => {
    // In values that must be expressions: text (`a = 1 \\ 2`) is what the reference parsers read.
    const cases = ["a = $a \\ 2", "b = $x ~ y", "c = @f(1 & 2)", "g = $a | b", "h = `x`", "f = (café)", "d = @", "e = $", "}", "]", "<", "i = (1))"];
    for (const text of cases) {
      const t = await tokenize(text);
      const problems = parse(text).problems().filter((p) => p.severity === "error");
      assert.ok(problems.length > 0, `the parser accepts ${text}`);
      for (const p of problems) {
        for (let c = p.start; c < p.end; c++) {
          assert.ok(scopesAt(t, 1, c).some((s) => matches(s, "invalid.illegal")),
            `${JSON.stringify(text)}: the parser's error at ${c} (${p.message}) is not invalid here\n${showLine(t, 1)}`);
        }
      }
    }
  });
});

describe("grammar: punctuation", () => {
  it("array and object brackets, parentheses, commas and a trailing ';'", async () => {
    const t = await tokenize(lines(
      "tags = [\"php\", \"v1\"];",
      "db = { host = \"h\", port: 5432 }",
      "x = (1 + 2) * 3",
    ));
    expectScope(t, 1, "[", "punctuation.definition.array.begin");
    expectScope(t, 1, "]", "punctuation.definition.array.end");
    expectScope(t, 1, ",", "punctuation.separator.comma.tsk");
    expectScope(t, 1, ";", "punctuation.terminator.statement.tsk");
    expectScope(t, 2, "{", "punctuation.definition.dictionary.begin");
    expectScope(t, 2, "}", "punctuation.definition.dictionary.end");
    expectScope(t, 2, "host", "support.type.property-name");
    expectScope(t, 2, "port", "support.type.property-name");
    expectScope(t, 2, ",", "punctuation.separator.comma");
    expectScope(t, 3, "(", "punctuation.section.group.begin");
    expectScope(t, 3, ")", "punctuation.section.group.end");
  });
});

describe("grammar: nested objects and arrays over several lines", () => {
  it("keys stay keys at every depth of 'key = {', in arrays of objects, and after the last '}'", async () => {
    const t = await tokenize(lines(
      "services = {",
      "    users = {",
      "        tags = [",
      "            \"a\",",
      "            b",
      "        ]",
      "        routes = [",
      "            { path = \"/x\", methods = [\"GET\"] }",
      "            { path = \"/y\" }",
      "        ]",
      "        limits = { burst = 5,",
      "            rate = 10 }",
      "        meta: {",
      "            region: us-east-1",
      "        }",
      "    }",
      "}",
      "after = 1",
    ));
    expectScope(t, 1, "services", "support.type.property-name");
    expectScope(t, 1, "{", "punctuation.definition.dictionary.begin");
    expectScope(t, 2, "users", "support.type.property-name");
    expectScope(t, 3, "tags", "support.type.property-name");
    expectScope(t, 4, "\"a\"", "string.quoted.double");
    expectScope(t, 5, "b", "string.unquoted");
    expectNoScope(t, 5, "b", "support.type.property-name");
    expectScope(t, 8, "path", "support.type.property-name");
    expectScope(t, 8, "methods", "support.type.property-name");
    expectScope(t, 9, "path", "support.type.property-name");
    expectScope(t, 11, "burst", "support.type.property-name");
    expectScope(t, 12, "rate", "support.type.property-name");
    expectScope(t, 13, "meta", "support.type.property-name");
    expectScope(t, 14, "region", "support.type.property-name");
    expectScope(t, 14, "us-east-1", "string.unquoted");
    expectScope(t, 16, "}", "punctuation.definition.dictionary.end");
    expectScope(t, 17, "}", "punctuation.definition.dictionary.end");
    expectScope(t, 18, "after", "support.type.property-name");
    expectNoScope(t, 18, "after", "meta.structure");
    assert.equal(t.end.depth, 1);
  });

  it("an object inside a call's arguments, over lines: its members are keys", async () => {
    const t = await tokenize(lines(
      "sampling_rate: @optimize(\"log_sampling\", {",
      "    debug: 0.1,      # 10% of debug logs",
      "    info: 0.5",
      "})",
      "after = 1",
    ));
    expectScope(t, 2, "debug", "support.type.property-name");
    expectScope(t, 2, "# 10% of debug logs", "comment.line");
    expectScope(t, 3, "info", "support.type.property-name");
    expectScope(t, 4, ")", "punctuation.definition.arguments.end");
    expectScope(t, 5, "after", "support.type.property-name");
  });

  it("a '(' or '[' left open ends at a line that starts like a statement, as in the parser", async () => {
    const t = await tokenize(lines(
      "host = @env(\"DB_HOST\"",
      "port = 5432",
      "list = [1, 2",
      "[next]",
      "k: 1",
    ));
    expectScope(t, 2, "port", "support.type.property-name");
    expectNoScope(t, 2, "port", "meta.function-call");
    expectScope(t, 4, "next", "entity.name.section");
    expectScope(t, 5, "k", "support.type.property-name");
    assert.equal(t.end.depth, 1);
  });
});

// ---- real files -------------------------------------------------------------------------

describe("grammar: the guide's example and the examples", () => {
  it("the microservices guide's example has no invalid scope, and every key is a key", async () => {
    const text = guideExample();
    const t = await tokenize(text);
    assert.deepEqual(tokensWith(t, "invalid"), []);
    expectParserKeysScoped(t, text, "the guide's example");
    expectScope(t, 3, "\"consul\"", "string.quoted.double");
    expectScope(t, 4, "\"http://consul1:8500\"", "string.quoted.double");
    expectScope(t, 7, "5", "constant.numeric");
    expectScope(t, 12, "true", "constant.language.boolean");
    assert.equal(t.end.depth, 1);
  });

  for (const name of fs.readdirSync(path.join(repoRoot, "examples")).filter((f) => f.endsWith(".tsk")).sort()) {
    it(`examples/${name}: no invalid scope, and every key is a key`, async () => {
      const text = fs.readFileSync(path.join(repoRoot, "examples", name), "utf8");
      const t = await tokenize(text);
      assert.deepEqual(tokensWith(t, "invalid"), []);
      expectParserKeysScoped(t, text, name);
      assert.equal(t.end.depth, 1);
    });
  }
});

describe("grammar: the corpus", () => {
  const dir = path.resolve(repoRoot, "test/fixtures/corpus");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".tsk")).sort();

  it("holds the corpus files", () => {
    assert.equal(files.length, 30);
  });

  for (const name of files) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const errors = parse(text).problems().filter((p) => p.severity === "error");
    if (errors.length > 0) {
      it(`${name}: tokenizes without throwing (the parser reports errors in it)`, async () => {
        const t = await tokenize(text);
        assert.equal(t.tokens.length, t.lines.length);
      });
      continue;
    }
    // What the parser reads without an error, the grammar colours without 'invalid', and the
    // two agree on every key.
    it(`${name}: no invalid scope, no region left open, and every key the parser finds is a key`, async () => {
      const t = await tokenize(text);
      assert.deepEqual(tokensWith(t, "invalid"), []);
      assert.equal(t.end.depth, 1, "a region is still open at the end of the file");
      expectParserKeysScoped(t, text, name);
    });
  }
});

describe("grammar: TSK as people write it", () => {
  it("a value the parser reads as text to the end of its line is unquoted text, nothing in it invalid", async () => {
    const values = [
      "Hello big world", "Hello, World", "./data/app.db", "/var/log/app.log", "~/.config/tusk", "admin@example.com", "nginx:latest",
      "redis:7-alpine", "*.log", "src/**/*.ts", "0 */6 * * *", "*/15 * * * *", "#ff0000", ".5", "50%",
    ];
    const t = await tokenize(values.map((v, i) => `k${i}: ${v}`).join("\n"));
    values.forEach((v, i) => {
      expectScope(t, i + 1, v, "string.unquoted.text.tsk");
      expectNoScope(t, i + 1, v, "invalid");
      expectNoScope(t, i + 1, v, "comment");
      const value = json(parse(`k: ${v}\n`)).statements[0].value;
      assert.equal(value.kind, "text", `the parser reads ${v} as text`);
    });
  });

  it("a comment after text is a comment; a word, a number and an expression are what they were", async () => {
    const t = await tokenize(lines("file: /var/log/app.log  # rotated daily", "primary: #ff0000 // red", "level: info", "n: 10", "x = a / b"));
    expectScope(t, 1, "/var/log/app.log", "string.unquoted.text.tsk");
    expectScope(t, 1, "# rotated daily", "comment.line.number-sign.tsk");
    expectScope(t, 2, "#ff0000", "string.unquoted.text.tsk");
    expectScope(t, 2, "// red", "comment.line.double-slash.tsk");
    expectScope(t, 3, "info", "string.unquoted.tsk");
    expectNoScope(t, 3, "info", "string.unquoted.text");
    expectScope(t, 4, "10", "constant.numeric.integer.tsk");
    expectScope(t, 5, "/", "keyword.operator.arithmetic.tsk");
  });

  it("$my-var is one global, as key and value; @my-cfg.tsk.get names a file", async () => {
    const t = await tokenize(lines("$my-var: 1", "x = $my-var", "v = @my-cfg.tsk.get(\"k\")", "w = @2024-rates.tsk.get(\"eu\")"));
    expectScope(t, 1, "my-var", "variable.other.global.tsk");
    expectScope(t, 2, "my-var", "variable.other.global.tsk");
    expectScope(t, 3, "@my-cfg.tsk", "entity.name.type.module.tsk");
    expectScope(t, 3, "get", "support.function.cross-file.tsk");
    expectScope(t, 4, "@2024-rates.tsk", "entity.name.type.module.tsk");
  });

  it("'^' and '??' are operators; @inherit, and imports without parentheses, are imports", async () => {
    const t = await tokenize(lines("p = @math(2 ^ 10)", "c = $a ?? 1", "@inherit \"base.tsk\"", "@import \"base.tsk\""));
    expectScope(t, 1, "^", "keyword.operator.arithmetic.tsk");
    expectNoScope(t, 1, "^", "invalid");
    expectScope(t, 2, "??", "keyword.operator.logical.coalesce.tsk");
    expectScope(t, 3, "@inherit", "keyword.control.import.tsk");
    expectScope(t, 3, "\"base.tsk\"", "string.quoted.double.tsk");
    expectScope(t, 4, "@import", "keyword.control.import.tsk");
  });

  it("block comments as the parser reads them: at a line's start over lines, later on a line closed on it, never glued to text", async () => {
    const t = await tokenize(lines("/* over", "   lines */", "t = /* seconds */ 30", "u = @f(/* none */ 1)", "g = src/**/*.ts", "b: /*.log"));
    expectScope(t, 1, "/* over", "comment.block.tsk");
    expectScope(t, 2, "lines */", "comment.block.tsk");
    expectScope(t, 3, "/* seconds */", "comment.block.tsk");
    expectScope(t, 4, "/* none */", "comment.block.tsk");
    expectNoScope(t, 5, "src/**/*.ts", "comment");
    expectNoScope(t, 6, "/*.log", "comment");
    assert.equal(t.end.depth, 1, "no comment left open");
  });
});

describe("grammar: the doc-style examples", () => {
  const dir = path.join(repoRoot, "test/fixtures/doc-examples");
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".tsk")).sort()) {
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    if (parse(text).problems().some((p) => p.severity === "error")) continue;
    it(`${name}: no invalid scope, no region left open, and every key the parser finds is a key`, async () => {
      const t = await tokenize(text);
      assert.deepEqual(tokensWith(t, "invalid"), []);
      assert.equal(t.end.depth, 1, "a region is still open at the end of the file");
      expectParserKeysScoped(t, text, name);
    });
  }
});

// ---- language-configuration.json ----------------------------------------------------------

describe("language-configuration.json", () => {
  interface OnEnterRule { beforeText: string; afterText?: string; action: { indent: string } }
  const conf = JSON.parse(fs.readFileSync(path.join(repoRoot, "language-configuration.json"), "utf8")) as {
    comments: { lineComment: string; blockComment: [string, string] };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    onEnterRules: OnEnterRule[];
    wordPattern: string;
    folding: { markers: { start: string; end: string } };
  };

  it("comments and brackets", () => {
    assert.equal(conf.comments.lineComment, "#");
    assert.deepEqual(conf.comments.blockComment, ["/*", "*/"]);
    assert.deepEqual(conf.brackets, [["{", "}"], ["[", "]"], ["(", ")"]]);
  });

  it("auto-closing pairs: brackets always, quotes outside strings and comments", () => {
    const pair = (open: string) => conf.autoClosingPairs.find((p) => p.open === open);
    for (const [open, close] of [["{", "}"], ["[", "]"], ["(", ")"]]) assert.equal(pair(open)?.close, close);
    for (const q of ["\"", "'"]) {
      assert.equal(pair(q)?.close, q);
      assert.deepEqual([...(pair(q)?.notIn ?? [])].sort(), ["comment", "string"]);
    }
    for (const p of [["{", "}"], ["[", "]"], ["(", ")"], ["\"", "\""], ["'", "'"]]) {
      assert.ok(conf.surroundingPairs.some((s) => s[0] === p[0] && s[1] === p[1]), `surrounding pair ${p.join("")}`);
    }
  });

  it("indentation: in after a line ending in '{', '[', '(' or 'name >'; out on '}', ']', ')' and '<'", () => {
    const inc = new RegExp(conf.indentationRules.increaseIndentPattern);
    const dec = new RegExp(conf.indentationRules.decreaseIndentPattern);
    for (const line of ["server {", "routes = {", "tags = [", "x = @json(", "cache >", "  users >  # c", "a.b-c >", "x = { # c"]) {
      assert.ok(inc.test(line), `should indent after: ${line}`);
    }
    for (const line of ["x = a > b", "# comment {", "a = { b = 1 }", "name = 1", "[section]"]) {
      assert.ok(!inc.test(line), `should not indent after: ${line}`);
    }
    for (const line of ["}", "  ]", ")", "<", "  <  # end"]) assert.ok(dec.test(line), `should outdent: ${line}`);
    for (const line of ["a < b", "x = 1", "<tag"]) assert.ok(!dec.test(line), `should not outdent: ${line}`);
  });

  it("Enter between brackets indents and outdents; after 'name >' it indents", () => {
    const action = (before: string, after: string) =>
      conf.onEnterRules.find((r) => new RegExp(r.beforeText).test(before) && (!r.afterText || new RegExp(r.afterText).test(after)))?.action.indent;
    assert.equal(action("server {", "}"), "indentOutdent");
    assert.equal(action("tags = [", "]"), "indentOutdent");
    assert.equal(action("x = @env(", ")"), "indentOutdent");
    assert.equal(action("server {", ""), "indent");
    assert.equal(action("cache >", ""), "indent");
    assert.equal(action("x = a > b", ""), undefined);
    assert.equal(action("# note {", ""), undefined);
  });

  it("words: keys with dashes and dots, $globals, @operators, numbers with units", () => {
    const wordAt = (text: string, offset: number) => {
      for (const m of text.matchAll(new RegExp(conf.wordPattern, "g"))) {
        if (m.index <= offset && offset <= m.index + m[0].length) return m[0];
      }
      return null;
    };
    assert.equal(wordAt("max-connections = 10", 3), "max-connections");
    assert.equal(wordAt("discovery.retry_policy = {", 12), "discovery.retry_policy");
    assert.equal(wordAt("x = $app_name + 1", 6), "$app_name");
    assert.equal(wordAt("x = @env(\"A\")", 5), "@env");
    assert.equal(wordAt("timeout = 10s", 11), "10s");
  });

  it("folding markers: '# region' and '# endregion'", () => {
    assert.ok(new RegExp(conf.folding.markers.start).test("# region services"));
    assert.ok(new RegExp(conf.folding.markers.end).test("  # endregion"));
  });

  it("every pattern compiles as the Unicode regular expression VS Code may build", () => {
    const patterns = [
      conf.indentationRules.increaseIndentPattern, conf.indentationRules.decreaseIndentPattern, conf.wordPattern,
      conf.folding.markers.start, conf.folding.markers.end,
      ...conf.onEnterRules.flatMap((r) => [r.beforeText, r.afterText ?? ""]),
    ];
    for (const p of patterns) assert.doesNotThrow(() => new RegExp(p, "u"), p);
  });
});
