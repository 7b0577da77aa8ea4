#!/usr/bin/env node
// The changelog's discipline (Keep a Changelog): what is not released yet stands under
// "## [Unreleased]"; a release moves it under "## [X.Y.Z] - YYYY-MM-DD".
//   node scripts/changelog.mjs release [VERSION [DATE]]   (npm version runs it: VERSION from npm)
//   node scripts/changelog.mjs notes VERSION              (the release's notes, for GitHub)
import * as fs from "node:fs";

const file = process.env.TSK_CHANGELOG ?? new URL("../CHANGELOG.md", import.meta.url);
const [command, versionArg, dateArg] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const UNRELEASED = /^## \[Unreleased\][^\n]*\n/m;

function fail(message) {
  process.stderr.write(`changelog: ${message}\n`);
  process.exit(1);
}

if (command === "release") {
  const version = versionArg ?? process.env.npm_package_version;
  const date = dateArg ?? new Date().toISOString().slice(0, 10);
  if (!version || !/^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version)) fail(`no version to release: ${version ?? "none given"}`);
  if (new RegExp(`^## \\[${version.replace(/\./g, "\\.")}\\]`, "m").test(text)) fail(`${version} is released already`);
  const m = UNRELEASED.exec(text);
  if (!m) fail('no "## [Unreleased]" section');
  const rest = text.slice(m.index + m[0].length);
  const next = rest.search(/^## \[/m);
  const body = (next < 0 ? rest : rest.slice(0, next)).trim();
  if (body === "") fail("nothing under [Unreleased] to release");
  const released = `## [Unreleased]\n\n## [${version}] - ${date}\n\n${body}\n\n`;
  fs.writeFileSync(file, text.slice(0, m.index) + released + (next < 0 ? "" : rest.slice(next)));
} else if (command === "notes") {
  if (!versionArg) fail("notes: which version?");
  const head = new RegExp(`^## \\[${versionArg.replace(/\./g, "\\.")}\\] - (\\d{4}-\\d{2}-\\d{2})\\n`, "m").exec(text);
  if (!head) fail(`no dated section "## [${versionArg}] - YYYY-MM-DD"`);
  const rest = text.slice(head.index + head[0].length);
  const next = rest.search(/^## \[/m);
  process.stdout.write(`${(next < 0 ? rest : rest.slice(0, next)).trim()}\n`);
} else {
  fail("usage: changelog.mjs release [VERSION [DATE]] | notes VERSION");
}
