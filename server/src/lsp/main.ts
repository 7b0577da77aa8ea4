// The server's entry point: bin/tsk-language-server.js runs it from out/, the extension from its bundle.
import { startServer } from "./server";
import { heapMode } from "./heap-mode";
import { readServerArguments } from "./command-line";

const start = readServerArguments(process.argv.slice(2), typeof process.send === "function");
if (start.kind === "exit") {
  if (start.stdout) process.stdout.write(start.stdout);
  if (start.stderr) process.stderr.write(start.stderr);
  process.exitCode = start.code;
} else {
  heapMode.start();
  startServer();
}
