// Part 3: the TSK language server beside yaml-language-server, over LSP stdio, on the same
// configuration: TSK for ours, YAML with the JSON schema of this repo for theirs.
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { CompletionItem, CompletionList, Hover } from "vscode-languageserver-protocol";
import { BenchClient, TIMED_OUT, withTimeout, type ConfigurationItem, type Published } from "./lsp-client";
import { LINE_SIZES } from "./keystroke-bench";
import { lineCount, render, sizedConfig } from "./render-config";
import type { ConfigModel } from "./generate-config";
import { mb, mark, ms, percentile, ratio, rng, since, table } from "./stats";

const repo = path.resolve(__dirname, "../..");
const dataDir = path.join(repo, "bench/.data");
const schemaFile = path.join(repo, "schemas/tsk-microservices.schema.json");
/** The built-in schemas' `$id`s live under this URI; yaml-language-server asks the client for them. */
const BUILTIN_SCHEMA_URI = "tsk-schema://builtin/";

interface ServerKind {
  name: string;
  format: "tsk" | "yaml";
  languageId: string;
  command: string[];
  configuration: (item: ConfigurationItem) => unknown;
}

const TSK_SERVER: ServerKind = {
  name: "TSK",
  format: "tsk",
  languageId: "tsk",
  command: [process.execPath, path.join(repo, "bin/tsk-language-server.js"), "--stdio"],
  // Defaults: the built-in schemas apply to every .tsk file.
  configuration: () => ({}),
};

const YAML_SERVER: ServerKind = {
  name: "yaml-ls",
  format: "yaml",
  languageId: "yaml",
  // The bin script loads the server in its own process: the pid we spawn is the server's.
  command: [process.execPath, require.resolve("yaml-language-server/bin/yaml-language-server"), "--stdio"],
  configuration: ({ section }) => {
    if (section !== "yaml") return section === "[yaml]" || section === "editor" || section === "http" ? {} : null;
    return {
      validate: true,
      completion: true,
      hover: true,
      // By full path: yaml-language-server 1.25 matched no document with a glob such as `bench-*.yaml`.
      schemas: { [pathToFileURL(schemaFile).toString()]: DOCUMENTS.map((name) => docPath("yaml", name)) },
      // Nothing from the network: the comparison is with the same schema, read from disk.
      schemaStore: { enable: false },
      kubernetesCRDStore: { enable: false },
    };
  },
};

/** Samples per measurement, and how long a measurement may take before it stops sampling. */
const PLAN: Record<number, { keystrokes: number; requests: number }> = {
  1_000: { keystrokes: 40, requests: 20 },
  10_000: { keystrokes: 40, requests: 20 },
  100_000: { keystrokes: 10, requests: 5 },
};
const MEASUREMENT_BUDGET_MS = 40_000;
const REQUEST_TIMEOUT_MS = 30_000;
const OPEN_TIMEOUT_MS = 120_000;

type Sample = number | typeof TIMED_OUT;

interface ServerFigures {
  lines: number;
  openMs: Sample;
  openDiagnostics: number;
  keystroke: number[];
  completion: { key: number[]; value: number[]; keyItems: number; valueItems: number };
  hover: { key: number[]; value: number[]; found: boolean };
  peakBytes: number;
}

/** Where the measurements happen, in one rendering: offsets into its text. */
interface Spots {
  /** Inside the key `replicas` of a service. */
  key: number;
  /** Inside the value of `protocol` of a service. */
  value: number;
  /** Inside `version` values of several services, where keystrokes go. */
  typing: number[];
}

function findSpots(text: string, format: "tsk" | "yaml", model: ConfigModel, count: number): Spots {
  const random = rng(7);
  const service = (name: string): number => {
    const section = format === "tsk" ? text.indexOf("\n[services]\n") : text.indexOf("\nservices:\n");
    // TSK spells a service `name {`, `name = {`, `name: {` or `name >`; YAML `  name:`.
    const start = new RegExp(format === "tsk" ? `\\n${name}[ :]` : `\\n  ${name}:`, "g");
    start.lastIndex = section;
    const at = section < 0 ? null : start.exec(text);
    if (!at) throw new Error(`service ${name} not found in the ${format} text`);
    return at.index;
  };
  /** The offset where the value of `key` starts, after the service's start. */
  const valueOf = (from: number, key: string): { keyAt: number; valueAt: number } => {
    const m = new RegExp(`\\b${key}\\s*[:=]\\s*`, "g");
    m.lastIndex = from;
    const found = m.exec(text);
    if (!found) throw new Error(`${key} not found in the ${format} text`);
    return { keyAt: found.index, valueAt: found.index + found[0].length };
  };
  const middle = model.services[Math.floor(model.services.length / 2)];
  const typing = Array.from({ length: count }, () => {
    const name = model.services[Math.floor(random() * model.services.length)];
    // After the opening quote and the first character: "2.3.17" becomes "29.3.17".
    return valueOf(service(name), "version").valueAt + 2;
  });
  return {
    key: valueOf(service(middle), "replicas").keyAt + 3,
    value: valueOf(service(middle), "protocol").valueAt + 2,
    typing,
  };
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}

function schemaContent(uri: string): string {
  if (!uri.startsWith(BUILTIN_SCHEMA_URI)) return "";
  return fs.readFileSync(path.join(repo, "schemas", uri.slice(BUILTIN_SCHEMA_URI.length)), "utf8");
}

/**
 * Before timing: a document with one wrong value must get a diagnostic on that line, or the
 * server is not validating and its figures would flatter it.
 */
async function checkValidation(client: BenchClient, kind: ServerKind, text: string): Promise<void> {
  const wrong = text.replace(/(replicas\s*[:=]\s*)\d+/, '$1"three"');
  const line = positionAt(wrong, wrong.indexOf('"three"')).line;
  const uri = docUri(kind, "check");
  const hit = (p: Published) => p.diagnostics.some((d) => d.range.start.line === line);
  const published = client.nextDiagnostics(uri, hit);
  await client.open(uri, kind.languageId, wrong);
  const result = await withTimeout(published, 60_000);
  if (result === TIMED_OUT) {
    throw new Error(`${kind.name} published no diagnostic for a planted error on line ${line + 1}; stderr: ${client.stderr}`);
  }
  await client.close(uri);
}

/** The documents the servers are given: the validation check's, then one per size. */
const DOCUMENTS = ["check", ...LINE_SIZES.map(String)];

function docPath(format: string, name: string): string {
  return path.join(dataDir, `bench-${name}.${format}`);
}

function docUri(kind: ServerKind, name: string): string {
  return pathToFileURL(docPath(kind.format, name)).toString();
}

/** Samples `measure` up to `count` times, while the measurement's budget lasts. */
async function sample(count: number, measure: (i: number) => Promise<Sample>): Promise<number[]> {
  const out: number[] = [];
  const start = performance.now();
  for (let i = 0; i < count && since(start) < MEASUREMENT_BUDGET_MS; i++) {
    const t = await measure(i);
    if (t === TIMED_OUT) break;
    out.push(t);
  }
  return out;
}

async function measureServer(kind: ServerKind, model: ConfigModel, text: string, lines: number): Promise<ServerFigures> {
  const plan = PLAN[lines];
  const client = new BenchClient({ command: kind.command, configuration: kind.configuration, schemaContent });
  try {
    await client.initialize();
    await checkValidation(client, kind, render(generateSmall(), kind.format));

    const uri = docUri(kind, String(lines));
    const spots = findSpots(text, kind.format, model, plan.keystrokes / 2 + 1);
    let version = 1;
    const opened = client.nextDiagnostics(uri);
    const openStart = performance.now();
    await client.open(uri, kind.languageId, text, version);
    const first = await withTimeout(opened, OPEN_TIMEOUT_MS);
    const openMs = first === TIMED_OUT ? TIMED_OUT : first.at - openStart;
    const openDiagnostics = first === TIMED_OUT ? 0 : first.diagnostics.length;
    // A server may publish more than once after opening (yaml-language-server does when its
    // settings arrive): let it finish, so that no late publish passes for a keystroke's.
    await client.settle(uri, 500);

    // A keystroke: type a character into a value, or delete it again; time until diagnostics
    // for that version arrive (yaml-language-server sends no version: its next publish).
    const keystroke = async (i: number): Promise<Sample> => {
      const offset = spots.typing[Math.floor(i / 2)];
      const at = positionAt(text, offset);
      const change = i % 2 === 0
        ? { range: { start: at, end: at }, text: "9" }
        : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: "" };
      const v = ++version;
      const published = client.nextDiagnostics(uri, (p) => p.version === undefined || p.version === v);
      const t = performance.now();
      await client.change(uri, v, [change]);
      const p = await withTimeout(published, REQUEST_TIMEOUT_MS);
      return p === TIMED_OUT ? p : p.at - t;
    };
    await sample(2, keystroke); // warm-up: one character typed and deleted
    const keystrokes = await sample(plan.keystrokes, (i) => keystroke(i + 2));
    // An odd number of samples leaves a character typed: delete it, so the text is as generated.
    if (keystrokes.length % 2 === 1) await keystroke(keystrokes.length + 2);

    let keyItems = 0;
    let valueItems = 0;
    let hoverFound = true;
    const timedRequest = async <R>(method: string, offset: number, use: (r: R) => void): Promise<Sample> => {
      const position = positionAt(text, offset);
      const t = performance.now();
      const r = await withTimeout(client.request<R>(method, { textDocument: { uri }, position }), REQUEST_TIMEOUT_MS);
      const elapsed = since(t);
      if (r === TIMED_OUT) return TIMED_OUT;
      use(r as R);
      return elapsed;
    };
    const items = (r: CompletionItem[] | CompletionList | null) => (Array.isArray(r) ? r.length : r?.items.length ?? 0);
    const completion = async (offset: number, set: (n: number) => void) => {
      await timedRequest("textDocument/completion", offset, () => undefined); // warm-up
      return sample(plan.requests, () => timedRequest<CompletionItem[] | CompletionList | null>("textDocument/completion", offset, (r) => set(items(r))));
    };
    const hover = async (offset: number) => {
      await timedRequest("textDocument/hover", offset, () => undefined);
      return sample(plan.requests, () => timedRequest<Hover | null>("textDocument/hover", offset, (r) => { if (!r) hoverFound = false; }));
    };
    const completionKey = await completion(spots.key, (n) => { keyItems = n; });
    const completionValue = await completion(spots.value, (n) => { valueItems = n; });
    const hoverKey = await hover(spots.key);
    const hoverValue = await hover(spots.value);
    return {
      lines: lineCount(text),
      openMs,
      openDiagnostics,
      keystroke: keystrokes,
      completion: { key: completionKey, value: completionValue, keyItems, valueItems },
      hover: { key: hoverKey, value: hoverValue, found: hoverFound },
      peakBytes: client.peakMemory(),
    };
  } finally {
    await client.stop();
  }
}

/** The document of the validation check: small, so that the check is quick for both servers. */
function generateSmall(): ConfigModel {
  return sizedConfig(200, lineCount).model;
}

export async function runLspBench(): Promise<void> {
  const yamlVersion = (JSON.parse(fs.readFileSync(require.resolve("yaml-language-server/package.json"), "utf8")) as { version: string }).version;
  console.log(`\n## 3. Language servers over LSP stdio: TSK (this server) and yaml-language-server ${yamlVersion}`);
  console.log(`   the same configuration as TSK and as YAML; yaml-language-server validates it with ${path.relative(repo, schemaFile)}\n`);
  fs.mkdirSync(dataDir, { recursive: true });
  const results: Result[] = [];
  for (const lines of LINE_SIZES) {
    const { model, tsk } = sizedConfig(lines, lineCount);
    const yaml = render(model, "yaml");
    // Kept for a look or a profile: the documents the servers were given.
    fs.writeFileSync(docPath("tsk", String(lines)), tsk);
    fs.writeFileSync(docPath("yaml", String(lines)), yaml);
    const run = (kind: ServerKind, text: string) => measureServer(kind, model, text, lines).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    const tskFigures = await run(TSK_SERVER, tsk);
    const yamlFigures = await run(YAML_SERVER, yaml);
    results.push({ lines, tsk: tskFigures, yaml: yamlFigures });
  }
  printLsp(results);
}

type Result = { lines: number; tsk: ServerFigures | Error; yaml: ServerFigures | Error };

const p50 = (xs: number[]) => (xs.length === 0 ? null : percentile(xs, 50));
const p95 = (xs: number[]) => (xs.length === 0 ? null : percentile(xs, 95));
/** The slower position's p50: the target holds only if both positions meet it. */
const completionP50 = (f: ServerFigures) => {
  const a = p50(f.completion.key);
  const b = p50(f.completion.value);
  return a === null || b === null ? null : Math.max(a, b);
};

/** A row: its name, and per server a number (compared in the ratio column) or a plain cell. */
const METRICS: [string, (f: ServerFigures) => number | null | string, (x: number) => string][] = [
  ["document lines", (f) => f.lines.toLocaleString("en-US"), String],
  ["open → diagnostics", (f) => (f.openMs === TIMED_OUT ? null : f.openMs), ms],
  ["  diagnostics on open", (f) => String(f.openDiagnostics), String],
  ["keystroke → diagnostics p50", (f) => p50(f.keystroke), ms],
  ["keystroke → diagnostics p95", (f) => p95(f.keystroke), ms],
  ["  keystrokes timed", (f) => String(f.keystroke.length), String],
  ["completion at a key p50", (f) => p50(f.completion.key), ms],
  ["completion at a value p50", (f) => p50(f.completion.value), ms],
  ["  items (key / value)", (f) => `${f.completion.keyItems} / ${f.completion.valueItems}`, String],
  ["hover on a key p50", (f) => p50(f.hover.key), ms],
  ["hover on a value p50", (f) => p50(f.hover.value), ms],
  ["  every hover answered", (f) => (f.hover.found ? "yes" : "no"), String],
  ["peak memory (VmHWM)", (f) => f.peakBytes, mb],
];

function printLsp(results: Result[]): void {
  const rows: string[][] = [];
  for (const r of results) {
    for (const [name, get, format] of METRICS) {
      const value = (f: ServerFigures | Error) => (f instanceof Error ? "failed" : get(f));
      const cell = (v: number | null | string) => (v === null ? "timed out" : typeof v === "number" ? format(v) : v);
      const a = value(r.tsk);
      const b = value(r.yaml);
      rows.push([`${r.lines / 1000}k`, name, cell(a), cell(b), typeof a === "number" && typeof b === "number" ? ratio(b / a) : ""]);
    }
    for (const [who, f] of [["TSK", r.tsk], ["yaml-ls", r.yaml]] as const) {
      if (f instanceof Error) console.log(`  ${who} at ${r.lines} lines failed: ${f.message}`);
    }
  }
  console.log("Before timing, each server got a document with one planted error (replicas = \"three\") and reported it.\n");
  console.log(table(["lines", "measure", "TSK", "yaml-ls", "yaml-ls ÷ TSK"], rows));
  console.log("  yaml-language-server waits 200 ms (validationDelayMs, not a setting) before it validates a change; its figures include that wait.");

  const at10k = results.find((r) => r.lines === 10_000);
  if (!at10k || at10k.tsk instanceof Error) return;
  const t = at10k.tsk;
  const y = at10k.yaml instanceof Error ? null : at10k.yaml;
  const line = (what: string, get: (f: ServerFigures) => number | null, limit: number, format: (x: number) => string, issue: string) => {
    const value = get(t);
    const peer = y && get(y);
    const vs = peer !== null && value !== null ? `${format(peer)}, ${ratio(peer / value)} ours` : "no figure";
    console.log(`  ${mark(value !== null && value <= limit)} ${what}: ${value === null ? "timed out" : format(value)} (yaml-ls: ${vs}; the issue's figure for it: about ${issue})`);
  };
  console.log("\nTargets at 10k lines:");
  line("keystroke → diagnostics p50 ≤ 10 ms", (f) => p50(f.keystroke), 10, ms, "300 ms");
  line("completion p50 ≤ 5 ms (the slower of key and value)", completionP50, 5, ms, "90 ms");
  line("peak memory ≤ 100 MB", (f) => f.peakBytes, 100e6, mb, "250 MB");
}
