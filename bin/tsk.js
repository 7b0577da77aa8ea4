#!/usr/bin/env node
"use strict";
// chevrotain, the parser library, needs Node.js 22 or newer.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(`tsk needs Node.js 22 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}
// `tsk check . | head` closes the pipe early: that is no error.
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
const { main } = require("../out/server/src/cli/main.js");
process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
