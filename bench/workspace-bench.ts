// The workspace benchmark: a generated workspace of 1,000 files (10 MB), indexed cold by the
// core index and by the language server over LSP; memory the index holds; and how long
// definition and references take, in the core and as an editor sees them over LSP.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import * as vm from "node:vm";
import { pathToFileURL } from "node:url";
import { analyzeDocument, SchemaContext } from "../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../server/src/validation/settings";
import { WorkspaceIndex } from "../server/src/workspace/workspace-index";
import { nodeFiles } from "../server/src/workspace/workspace-files";
import { findDefinition } from "../server/src/features/definition";
import { findReferences } from "../server/src/features/references";
import { LspClient } from "../test/lsp/lsp-client";
import { generateWorkspace } from "./workspace-generator";

interface Row { what: string; result: string; target: string; ok: boolean | null }

/** A place to ask about: a file, an offset in it, what is there. */
interface Probe { file: string; offset: number; label: string }

export async function runWorkspaceBench(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-workspace-bench-"));
  try {
    const generated = generateWorkspace(root);
    console.log(`Workspace benchmark: ${generated.files.length} files, ${(generated.bytes / 1e6).toFixed(1)} MB in ${root}\n`);
    const rows: Row[] = [];
    const index = await coreRows(root, rows);
    const probes = pickProbes(index, generated.files);
    latencyRows(rows, "core", probes, {
      definition: (p) => findDefinition(index, p.file, p.offset).length,
      references: (p) => findReferences(index, p.file, p.offset, true).length,
    });
    await lspRows(root, probes, index, rows);
    printTable(rows);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function coreRows(root: string, rows: Row[]): Promise<WorkspaceIndex> {
  const gc = exposeGc();
  let t = performance.now();
  const schemas = new SchemaContext();
  rows.push({ what: "load the built-in schemas", result: ms(performance.now() - t), target: "", ok: null });
  const settings = DEFAULT_VALIDATION_SETTINGS;
  gc();
  const before = process.memoryUsage().heapUsed;
  const index = new WorkspaceIndex({
    files: nodeFiles, folders: [root],
    analyze: (tree, file) => analyzeDocument(tree, { file, folder: root }, settings, schemas),
  });
  t = performance.now();
  index.indexFoldersNow();
  const cold = performance.now() - t;
  rows.push({ what: `cold index, core (${index.size} files)`, result: ms(cold), target: "≤ 3 s", ok: cold <= 3000 });
  gc();
  const held = process.memoryUsage().heapUsed - before;
  rows.push({ what: "memory the index holds (heap, after GC)", result: `${(held / 1e6).toFixed(1)} MB`, target: "", ok: null });
  t = performance.now();
  for (const [file] of [...index.summaries()]) index.refreshFromDisk(file);
  rows.push({ what: "look again at every file, none changed (stat only)", result: ms(performance.now() - t), target: "", ok: null });
  return index;
}

/** Places that name something in another file: globals, reads, services, and a service's own key. */
function pickProbes(index: WorkspaceIndex, files: string[]): { definition: Probe[]; references: Probe[] } {
  const definition: Probe[] = [];
  const references: Probe[] = [];
  const regular = files.filter((f) => /service-\d+\.tsk$/.test(f));
  for (let i = 0; i < regular.length; i += 7) {
    const s = index.summary(regular[i])!;
    const global = s.names.globalUses.find((u) => u.name === "team_owner") ?? s.names.globalUses[0];
    const read = s.names.reads[0];
    const route = s.references.find((r) => r.target === "services");
    if (global) definition.push({ file: regular[i], offset: global.start + 1, label: "global" });
    if (read?.spans) definition.push({ file: regular[i], offset: read.spans[1].start + 1, label: "read key" });
    if (route) definition.push({ file: regular[i], offset: route.start + 2, label: "service" });
    const service = [...s.keys].find((k) => k.depth === 2 && k.path.startsWith("services."));
    if (service) references.push({ file: regular[i], offset: service.start + 1, label: "service" });
    if (read?.spans) references.push({ file: regular[i], offset: read.spans[1].start + 1, label: "read key" });
    const local = s.globals[0];
    if (local) references.push({ file: regular[i], offset: local.start + 1, label: "global" });
  }
  // The root's $region is read by every file: the largest answer there is.
  const peanut = files.find((f) => f.endsWith(`${path.sep}peanut.tsk`) && path.dirname(f) === path.dirname(files[0]))!;
  const region = index.summary(peanut)!.globals.find((g) => g.name === "region")!;
  references.push({ file: peanut, offset: region.start + 1, label: "global read by every file" });
  return { definition, references };
}

function latencyRows(
  rows: Row[], where: string, probes: { definition: Probe[]; references: Probe[] },
  run: { definition: (p: Probe) => number; references: (p: Probe) => number },
): void {
  for (const kind of ["definition", "references"] as const) {
    const times: number[] = [];
    let found = 0;
    for (const p of probes[kind]) {
      const t = performance.now();
      found += run[kind](p);
      times.push(performance.now() - t);
    }
    addLatency(rows, `${kind}, ${where} (${times.length} places, ${found} results)`, times, kind === "definition" ? 5 : 50);
  }
}

function addLatency(rows: Row[], what: string, times: number[], targetMs: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  rows.push({
    what, result: `median ${ms(at(0.5))}, p95 ${ms(at(0.95))}, max ${ms(sorted[sorted.length - 1])}`,
    target: `≤ ${targetMs} ms`, ok: at(0.95) <= targetMs,
  });
}

async function lspRows(root: string, probes: { definition: Probe[]; references: Probe[] }, index: WorkspaceIndex, rows: Row[]): Promise<void> {
  const client = new LspClient();
  try {
    const t = performance.now();
    await client.initialize(pathToFileURL(root).toString(), {}, { window: { workDoneProgress: true } });
    await client.progressEnd(120_000);
    const cold = performance.now() - t;
    rows.push({ what: "cold index over LSP (initialize → progress end)", result: ms(cold), target: "≤ 3 s", ok: cold <= 3000 });
    const opened = new Set<string>();
    const ask = async (method: string, p: Probe, extra: object = {}) => {
      const uri = pathToFileURL(p.file).toString();
      if (!opened.has(p.file)) {
        opened.add(p.file);
        await client.open(uri, fs.readFileSync(p.file, "utf8"));
      }
      const position = index.summary(p.file)!.positions.positionAt(p.offset);
      const started = performance.now();
      const result = await client.request<unknown[] | null>(method, { textDocument: { uri }, position, ...extra });
      return { time: performance.now() - started, count: result?.length ?? 0 };
    };
    for (const kind of ["definition", "references"] as const) {
      // Open each file first: the first request for a document also analyses it.
      for (const p of probes[kind]) await ask(`textDocument/${kind}`, p, kind === "references" ? { context: { includeDeclaration: true } } : {});
      const times: number[] = [];
      let found = 0;
      for (const p of probes[kind]) {
        const r = await ask(`textDocument/${kind}`, p, kind === "references" ? { context: { includeDeclaration: true } } : {});
        times.push(r.time);
        found += r.count;
      }
      addLatency(rows, `${kind}, over LSP (${times.length} places, ${found} results)`, times, kind === "definition" ? 5 : 50);
    }
  } catch (e) {
    rows.push({ what: "over LSP", result: `failed: ${(e as Error).message}`, target: "", ok: false });
  } finally {
    await client.stop();
  }
}

function printTable(rows: Row[]): void {
  const width = Math.max(...rows.map((r) => r.what.length));
  const resultWidth = Math.max(...rows.map((r) => r.result.length));
  for (const r of rows) {
    const verdict = r.ok === null ? "" : r.ok ? "  ok" : "  MISSED";
    console.log(`${r.what.padEnd(width)}  ${r.result.padEnd(resultWidth)}  ${r.target}${verdict}`);
  }
}

function ms(x: number): string {
  return x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(2)} ms`;
}

/** `gc()` without `--expose-gc` on the command line, so the numbers hold however it is run. */
function exposeGc(): () => void {
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}
