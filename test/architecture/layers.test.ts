// ARCHITECTURE.md's rule of what may import what, checked on every source file: the core
// never reaches up a layer or into LSP, only lsp/ imports vscode-languageserver, only client/
// imports vscode, and the client never pulls the core into its bundle.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";

/** The core's layers, lowest first: each may import only the layers before it. */
const CORE = ["files", "syntax", "paths", "diagnostics", "schemas", "operators", "rules", "validation", "config", "workspace", "features"];
/** Packages a folder may import, beyond Node's own modules. */
const PACKAGES: Record<string, string[]> = {
  syntax: ["chevrotain"],
  schemas: ["ajv", "ajv-formats", "minimatch", "re2js", "vscode-uri"],
  config: ["minimatch"],
  lsp: ["vscode-languageserver", "vscode-languageserver-textdocument", "vscode-uri"],
  client: ["vscode", "vscode-languageclient"],
};

interface Import { file: string; from: string; target: string }

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
  });
}

/** The folder under server/src (or "client") a file lives in; top-level files are "root". */
function layerOf(file: string): string {
  const rel = path.relative(repoRoot, file).split(path.sep);
  if (rel[0] === "client") return "client";
  return rel.length > 3 ? rel[2] : "root";
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, "utf8");
  const found: Import[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)[^"'`;]*?from\s*["']([^"']+)["']|require\(["']([^"']+)["']\)/g)) {
    const spec = m[1] ?? m[2];
    if (spec.startsWith(".")) {
      const target = path.resolve(path.dirname(file), spec);
      found.push({ file, from: layerOf(file), target: target.startsWith(path.join(repoRoot, "server/src")) || target.startsWith(path.join(repoRoot, "client")) ? layerOf(target + ".ts") : path.relative(repoRoot, target) });
    } else {
      found.push({ file, from: layerOf(file), target: `package:${spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]}` });
    }
  }
  return found;
}

function allowed(i: Import): boolean {
  if (i.target === i.from) return true;
  if (i.target.startsWith("package:")) {
    const pkg = i.target.slice("package:".length);
    return pkg.startsWith("node:") || (PACKAGES[i.from] ?? []).includes(pkg);
  }
  if (i.target === "root") return true; // version.ts: the version, from package.json
  if (i.from === "root") return i.target === "package.json";
  if (i.from === "client") return false;
  if (i.from === "lsp" || i.from === "cli") return CORE.includes(i.target);
  const from = CORE.indexOf(i.from);
  const to = CORE.indexOf(i.target);
  return from >= 0 && to >= 0 && to < from;
}

describe("the layers of ARCHITECTURE.md", () => {
  const files = [...sources(path.join(repoRoot, "server/src")), ...sources(path.join(repoRoot, "client/src"))];

  it("finds the source files and their imports", () => {
    assert.ok(files.length > 50, `${files.length} files`);
    assert.ok(files.flatMap(importsOf).length > files.length);
  });

  it("has every import go down a layer, or to a package that layer may use", () => {
    const wrong = files.flatMap(importsOf).filter((i) => !allowed(i))
      .map((i) => `${path.relative(repoRoot, i.file)} (${i.from}) imports ${i.target}`);
    assert.deepEqual(wrong, []);
  });

  it("keeps the core free of LSP and VS Code", () => {
    const core = files.filter((f) => CORE.includes(layerOf(f)) || layerOf(f) === "cli");
    const leaks = core.flatMap(importsOf).filter((i) => /^package:(vscode$|vscode-languageserver|vscode-languageclient)/.test(i.target) || i.target === "lsp");
    assert.deepEqual(leaks.map((i) => path.relative(repoRoot, i.file)), []);
  });
});
