#!/usr/bin/env node
"use strict";
// The TSK language server, from the npm package, for any LSP client: tsk-language-server --stdio
const major = Number(process.versions.node.split(".")[0]);
if (major < 22) {
  process.stderr.write(`tsk-language-server needs Node.js 22 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(2);
}
require("../dist/server.js");
