// Part 1: full-parse throughput of the same configuration as TSK (our parser), JSON
// (JSON.parse), YAML (the `yaml` package) and TOML (smol-toml).
import { parse as parseYaml } from "yaml";
import { parse as parseToml } from "smol-toml";
import { parse as parseTsk } from "../server/src/syntax/syntax-tree";
import { buildInstance } from "../server/src/schemas/instance";
import { FORMATS, lineCount, render, sameData, sizedConfig, type Format } from "./render-config";
import { fullGc } from "./gc";
import { mb, median, ms, ratio, since, table, target } from "./stats";

/** At least this much TSK text. */
const TARGET_BYTES = 5.2e6;
const WARMUP_RUNS = 2;
const MIN_RUNS = 3;
const MAX_RUNS = 9;
/** Runs per format stop after this much time, once MIN_RUNS are done (YAML takes seconds a run). */
const BUDGET_MS = 12_000;

const PARSERS: Record<Format, { name: string; parse: (text: string) => unknown }> = {
  tsk: { name: "TSK (this parser)", parse: parseTsk },
  json: { name: "JSON (JSON.parse)", parse: JSON.parse },
  yaml: { name: "YAML (yaml)", parse: parseYaml },
  toml: { name: "TOML (smol-toml)", parse: parseToml },
};

export interface ParseFigures { format: Format; bytes: number; lines: number; medianMs: number; runs: number }

export function runParseBench(): ParseFigures[] {
  const { model, tsk } = sizedConfig(TARGET_BYTES, (t) => Buffer.byteLength(t));
  const texts = Object.fromEntries(FORMATS.map((f) => [f, f === "tsk" ? tsk : render(model, f)])) as Record<Format, string>;
  console.log(`\n## 1. Parse throughput: one configuration of ${model.services.length} services in four formats\n`);

  // Each text must read back as the model, or the comparison means nothing.
  const tree = parseTsk(texts.tsk);
  const problems = tree.problems();
  if (problems.length > 0) throw new Error(`the generated TSK has ${problems.length} syntax problems, first: ${problems[0].message}`);
  const readBack: Record<Format, () => unknown> = {
    tsk: () => buildInstance(tree).value,
    json: () => JSON.parse(texts.json),
    yaml: () => parseYaml(texts.yaml),
    toml: () => parseToml(texts.toml),
  };
  for (const f of FORMATS) {
    if (!sameData(readBack[f](), model.data)) throw new Error(`the ${f} rendering does not read back as the model`);
  }

  const figures = FORMATS.map((format): ParseFigures => {
    const text = texts[format];
    const { parse } = PARSERS[format];
    for (let i = 0; i < WARMUP_RUNS; i++) parse(text);
    const samples: number[] = [];
    const start = performance.now();
    while (samples.length < MIN_RUNS || (samples.length < MAX_RUNS && since(start) < BUDGET_MS)) {
      fullGc();
      const t = performance.now();
      parse(text);
      samples.push(since(t));
    }
    return { format, bytes: Buffer.byteLength(text), lines: lineCount(text), medianMs: median(samples), runs: samples.length };
  });
  printParse(figures);
  return figures;
}

const mbps = (f: ParseFigures) => f.bytes / 1e6 / (f.medianMs / 1000);

function printParse(figures: ParseFigures[]): void {
  const tsk = figures[0];
  const rows = figures.map((f) => [
    PARSERS[f.format].name, mb(f.bytes), f.lines.toLocaleString("en-US"), ms(f.medianMs), String(f.runs), mbps(f).toFixed(1),
    f === tsk ? "—" : ratio(tsk.medianMs / f.medianMs),
    f === tsk ? "—" : ratio(mbps(f) / mbps(tsk)),
  ]);
  console.log(table(["parser", "size", "lines", "median", "runs", "MB/s", "TSK time ÷ peer", "peer MB/s ÷ TSK"], rows));
  console.log("  (time ratio: the same data parsed; > 1× means TSK takes longer. MB/s ratio: speed per byte of each text.)");
  const json = figures.find((f) => f.format === "json")!;
  const behindJson = mbps(json) / mbps(tsk);
  console.log(`\nTargets (Node ${process.versions.node}):`);
  console.log(target("TSK ≥ 25 MB/s", `${mbps(tsk).toFixed(1)} MB/s`, mbps(tsk) >= 25));
  console.log(target("within 15× of JSON.parse (MB/s)", `JSON.parse is ${ratio(behindJson)} faster`, behindJson <= 15));
}
