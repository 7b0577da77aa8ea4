// `npm run bench [-- parse|keystroke|lsp|workspace ...]`: prints the report of every part, or of the
// parts named. Not a test: it fails only when the data it measures is wrong.
import * as os from "node:os";
import { runParseBench } from "./parse-bench";
import { runKeystrokeBench } from "./keystroke-bench";
import { runLspBench } from "./lsp-bench";
import { runWorkspaceBench } from "./workspace-bench";

const PARTS: Record<string, () => unknown> = {
  parse: runParseBench,
  keystroke: runKeystrokeBench,
  lsp: runLspBench,
  workspace: runWorkspaceBench,
};

async function main(): Promise<void> {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((a) => !(a in PARTS));
  if (unknown.length > 0) {
    console.error(`unknown part ${unknown.join(", ")}; the parts are ${Object.keys(PARTS).join(", ")}`);
    process.exit(2);
  }
  const parts = asked.length > 0 ? asked : Object.keys(PARTS);
  console.log(`# TSK bench: Node ${process.versions.node}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? "unknown CPU"}), ${os.platform()}`);
  for (const p of parts) await PARTS[p]();
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
