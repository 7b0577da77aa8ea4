#!/usr/bin/env node
// The npm package (npm-package/package.json) takes the extension's version: one release, one
// version. `npm version` runs this (package.json's "version" script) after it bumps the extension.
import * as fs from "node:fs";

const root = new URL("../", import.meta.url);
const version = JSON.parse(fs.readFileSync(new URL("package.json", root), "utf8")).version;
const file = new URL("npm-package/package.json", root);
const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
if (manifest.version !== version) {
  manifest.version = version;
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}
