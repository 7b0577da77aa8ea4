#!/usr/bin/env node
"use strict";
// The TSK language server, for any LSP client: tsk-language-server --stdio
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(`tsk-language-server needs Node.js 22 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}
const { SERVER_V8_FLAGS, SERVER_ENV } = require("../out/server/src/runtime-flags.js");
// V8 reads its heap flags, and glibc its malloc settings, only when the process starts: start
// again with them, the same process (pid, stdio) replaced by execve. Where Node cannot (before
// 22.15, Windows), run as V8 likes; over node IPC (the channel would not survive an exec), the
// parent passes them, as the VS Code client does.
if (typeof process.execve === "function" && process.platform !== "win32" && !process.channel && SERVER_V8_FLAGS.some((f) => !process.execArgv.includes(f))) {
  try {
    process.execve(process.execPath, [process.execPath, ...SERVER_V8_FLAGS, ...process.execArgv, __filename, ...process.argv.slice(2)], { ...SERVER_ENV, ...process.env });
  } catch (e) {
    process.stderr.write(`tsk-language-server: running without its V8 flags (${e && e.message})\n`);
  }
}
require("../out/server/src/lsp/main.js");
