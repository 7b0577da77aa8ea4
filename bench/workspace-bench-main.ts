// Runs the workspace benchmark alone: node out/bench/workspace-bench-main.js
import { runWorkspaceBench } from "./workspace-bench";

runWorkspaceBench().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
