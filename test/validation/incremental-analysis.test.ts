// An open document keeps a DocumentAnalyzer: after an edit it analyses again only the
// top-level statements the edit touched and moves the rest. What it gives must be exactly what
// analysing the new text from scratch gives: every definition and its range, the JSON the
// schemas see with the range of each value, service references, names, checks, and in the end
// every diagnostic a user sees. Random edits on real files and on configurations rich in what
// the analysis cares about (sections, dotted keys, globals, services, duplicates, escapes).
import { sized } from "../helpers/long-tests";
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { parse, type SyntaxTree } from "../../server/src/syntax/syntax-tree";
import { applyEdit, type TextEdit } from "../../server/src/syntax/incremental";
import { DocumentAnalyzer } from "../../server/src/validation/document-analyzer";
import { analyzeDocument, SchemaContext, validateDocument, type DocumentAnalysis } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { buildInstance, type Source } from "../../server/src/schemas/instance";
import { resolveWords } from "../../server/src/validation/word-references";
import { applyToText, corpusFiles, docExampleFiles, repoRoot } from "../syntax/helpers";
import { guideExample } from "../helpers/guide-example";

const seed = Number(process.env.TSK_FC_SEED ?? 0x75c0de);
const schemas = new SchemaContext();
const place = { file: "/virtual/app.tsk", folder: "/virtual" };
const settings = DEFAULT_VALIDATION_SETTINGS;

/** Every JSON pointer of an instance's value, the root's aside. */
function pointersOf(value: unknown, at = ""): string[] {
  if (value === null || typeof value !== "object") return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => {
    const p = `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    return [p, ...pointersOf(v, p)];
  });
}

function sourceOf(s: Source | undefined, p: string): unknown {
  return s && [p, s.keyStart, s.keyEnd, s.valueStart, s.valueEnd, s.expression, s.path];
}

/** An analysis as plain data: what a check or a feature can read of it. */
function plain(a: DocumentAnalysis): unknown {
  return {
    definitions: a.paths.definitions.map((d) => [d.key, d.kind, d.keyStart, d.keyEnd, d.valueBase, d.global, d.nested, d.path]),
    byPath: [...a.paths.byPath].map(([k, list]) => [k, list.map((d) => d.keyStart)]).sort(),
    value: a.instance.value,
    sources: pointersOf(a.instance.value).map((p) => sourceOf(a.instance.sources.get(p), p)),
    references: a.references,
    names: a.names,
    checks: a.checks,
    suppressions: a.suppressions,
    syntaxOnly: a.syntaxOnly,
    keysSignature: a.keysSignature,
  };
}

function assertSameAnalysis(analyzer: DocumentAnalyzer, tree: SyntaxTree, text: string, what: string): void {
  const incremental = analyzer.analyze(tree, place, settings, schemas);
  const fresh = analyzeDocument(parse(text), place, settings, schemas);
  assert.deepEqual(plain(incremental), plain(fresh), what);
  // Merged from the parts, the JSON and the source of each value are what one pass over every
  // definition writes (with the references of bare words resolved).
  if (fresh.syntaxOnly === null) {
    const once = buildInstance(parse(text));
    const value = resolveWords(once.value, fresh.names.words, fresh.paths.byPath);
    assert.deepEqual(fresh.instance.value, value, `one pass ${what}`);
    const pointers = pointersOf(value);
    assert.deepEqual(pointers.map((p) => sourceOf(fresh.instance.sources.get(p), p)), pointers.map((p) => sourceOf(once.sources.get(p), p)), `sources as one pass ${what}`);
  }
  const shown = (a: DocumentAnalysis, t: SyntaxTree) => validateDocument(t, place, settings, schemas, undefined, null, a).diagnostics;
  assert.deepEqual(shown(incremental, tree), shown(fresh, parse(text)), `diagnostics ${what}`);
}

/** Pieces of configuration the analysis reads: keys in every spelling, globals, services, escapes. */
const FRAGMENTS = [
  "\n", " ", "{", "}", "[", "]", "\"", "=", ":", ",", ".", "$", "#", "<", ">\n",
  "[services]\n", "[services.api]\n", "[api_gateway.routes]\n", "[a.b]\n", "[$g]\n",
  "services {\n", "api {\n", "port = 8080\n", "port = \"x\"\n", "depends_on = [\"users\", api]\n",
  "service = \"users\"\n", "service = users\n", "$region = \"eu\"\n", "$port = 1\n", "host = $region\n",
  "a.b.c = 1\n", "a.b = { c = 2 }\n", "a = [{ b: 1 }, 2]\n", "a = { b.c = 1, d = [1, { e = 2 }] }\n", "a { b { c = 0 } }\n", "x = @env(\"X\", \"users\")\n",
  "y = @other.tsk.get(\"a.b\")\n", "p = \"C:\\data\"\n", "# tsk-disable-next-line\n", "// tsk-disable-next-line duplicate-key\n",
  "#!schema none\n", "#!weird\n", "@import(\"other.tsk\")\n", "w = a\n", "users > version: 1\n<\n",
  "security.zero_trust = true\n", "endpoint = \"http://x\"\n", "replicas = \"three\"\n",
  // TSK as people write it: text values, references resolved for the schemas, lines TuskLang ignores.
  "title: Hello, World\n", "ratio: 50%\n", "color: #ff0000 # red\n", "path: ./data/app.db\n", "[service_mesh]\n", "mtls = true\n",
  "tracing = mtls\n", "flags = [mtls, x]\n", "@validate.range(\"port\", 1, 65535)\n", "@if($x, {\n  a: 1\n})\n", "[security]\ndb_host = x\n",
  "zero_trst = true\n", "run: |\n  echo hi\n", "$my-var = 1\n", "v = @my-cfg.tsk.get(\"a\")\n", "@import \"other.tsk\"\n",
];
const fragment = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) });

const RICH = [
  guideExample(),
  ...["microservices.tsk", "platform.tsk"].map((f) => fs.readFileSync(path.join(repoRoot, "examples", f), "utf8")),
  "$region = \"eu\"\n[services]\napi {\n  port = 8080\n  depends_on = [\"users\"]\n}\nusers {\n  region = $region\n}\n" +
    "[api_gateway.routes]\n\"/api\" = { service = \"users\" }\n\"/x\".service = api\n[services]\napi.port = 9090\n",
  // Objects in arrays, dotted keys in them and after them.
  "a = { b.c = 1, d = [1, { e = \"x\" }] }\na.b.f = 2\na { d = [3] }\ng = [{ h.i = 1 }, [2, { k = 3 }]]\ng2.j = 2\n",
];
const corpus = [...corpusFiles(), ...docExampleFiles()].map((f) => f.text);
const someText = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(...RICH) },
  { weight: 1, arbitrary: fc.constantFrom(...corpus) },
  { weight: 1, arbitrary: fc.array(fragment, { maxLength: 40 }).map((p) => p.join("")) },
);
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(30)),
  text: fc.oneof(fc.constant(""), fragment, fc.array(fragment, { maxLength: 3 }).map((p) => p.join(""))),
});

describe("incremental analysis", () => {
  it("after random edits, gives what analysing the new text from scratch gives", () => {
    fc.assert(fc.property(someText, fc.array(editArb, { minLength: 1, maxLength: 10 }), (original, edits) => {
      const analyzer = new DocumentAnalyzer();
      let tree = parse(original);
      let text = original;
      analyzer.analyze(tree, place, settings, schemas);
      for (const e of edits) {
        const start = Math.min(text.length, Math.floor(e.at * (text.length + 1)));
        const edit: TextEdit = { start, end: Math.min(text.length, start + e.remove), text: e.text };
        tree = applyEdit(tree, edit);
        text = applyToText(text, edit);
        assertSameAnalysis(analyzer, tree, text, `after ${JSON.stringify(edit)}`);
      }
    }), { seed, numRuns: sized(100, 300), endOnFailure: true });
  });

  it("typing inside a value, a key, a section header and a global gives what a fresh analysis gives", () => {
    const text = RICH[3];
    const cases: TextEdit[] = [
      { start: text.indexOf("8080"), end: text.indexOf("8080"), text: "1" },
      { start: text.indexOf("users {"), end: text.indexOf("users {") + 5, text: "people" },
      { start: text.indexOf("[api_gateway"), end: text.indexOf("[api_gateway") + 12, text: "[services" },
      { start: text.indexOf("\"eu\""), end: text.indexOf("\"eu\"") + 4, text: "\"us\"" },
      { start: 0, end: 0, text: "[services]\n" },
      { start: text.length, end: text.length, text: "$region = 2\n" },
    ];
    for (const edit of cases) {
      const analyzer = new DocumentAnalyzer();
      const tree = parse(text);
      analyzer.analyze(tree, place, settings, schemas);
      assertSameAnalysis(analyzer, applyEdit(tree, edit), applyToText(text, edit), JSON.stringify(edit));
    }
  });

  it("a key set many times: pasting and cutting in the middle keeps its places in text order", () => {
    const text = "k = 1\n".repeat(20) + "[s]\nk = 1\n" + "k = 1\n".repeat(5);
    const middle = 6 * 10;
    const cases: TextEdit[][] = [
      [{ start: middle, end: middle, text: "k = 2\n".repeat(5) }],
      [{ start: middle, end: middle + 6 * 5, text: "" }],
      [{ start: middle, end: middle + 6 * 3, text: "k.x = 1\nk = 3\n" }, { start: 0, end: 12, text: "[s]\nk = 4\n" }],
    ];
    for (const edits of cases) {
      const analyzer = new DocumentAnalyzer();
      let tree = parse(text);
      let now = text;
      analyzer.analyze(tree, place, settings, schemas);
      for (const edit of edits) {
        tree = applyEdit(tree, edit);
        now = applyToText(now, edit);
        assertSameAnalysis(analyzer, tree, now, JSON.stringify(edit));
      }
    }
  });

  it("analyses again only the top-level statement an edit touched", () => {
    const text = RICH[3];
    const analyzer = new DocumentAnalyzer();
    const tree = parse(text);
    const before = new Set(analyzer.analyze(tree, place, settings, schemas).paths.definitions);
    const at = text.indexOf("8080");
    const after = analyzer.analyze(applyEdit(tree, { start: at, end: at, text: "1" }), place, settings, schemas).paths.definitions;
    assert.equal(after.length, before.size);
    assert.deepEqual(after.filter((d) => !before.has(d)).map((d) => d.key), ["services.api", "services.api.port", "services.api.depends_on"]);
  });
});
