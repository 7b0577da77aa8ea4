#!/usr/bin/env node
"use strict";
// `tsk`, from the npm package: the command line, bundled with its dependencies in dist/cli.js.
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(`tsk needs Node.js 22 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}
// `tsk check . | head` closes the pipe early: that is no error.
process.stdout.on("error", (e) => { if (e.code === "EPIPE") process.exit(process.exitCode ?? 0); else throw e; });
const fs = require("node:fs");
const { main } = require("../dist/cli.js");
const io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), readStdin: () => fs.readFileSync(0), terminal: process.stdout.isTTY === true };
process.exitCode = main(process.argv.slice(2), io, process.env, process.stdout.isTTY === true);
