import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as path from "node:path";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { WorkspaceIndex } from "../../server/src/workspace/workspace-index";
import { prepareRename, rename } from "../../server/src/features/rename";
import { schemaContext } from "../validation/check";
import { MemoryFiles } from "../helpers/memory-files";

const root = path.resolve("/ws");
const p = (name: string) => path.join(root, name);

function workspace(files: Record<string, string>) {
  const fs = new MemoryFiles();
  for (const [name, text] of Object.entries(files)) fs.write(p(name), text);
  const index = new WorkspaceIndex({
    files: fs, folders: [root],
    analyze: (tree, file) => analyzeDocument(tree, { file, folder: root }, DEFAULT_VALIDATION_SETTINGS, schemaContext()),
  });
  index.indexFoldersNow();
  return { fs, index, files };
}

/** Applies a rename's edits to the texts, to see the result as a person would. */
function renamed(files: Record<string, string>, index: WorkspaceIndex, name: string, needle: string, newName: string): Record<string, string> {
  const outcome = rename(index, p(name), files[name].indexOf(needle) + 1, newName);
  if (!outcome.ok) throw new Error(outcome.reason);
  const out: Record<string, string> = {};
  for (const [file, edits] of outcome.value) {
    const text = files[path.basename(file)];
    const lines = text.split("\n");
    const offset = (pos: { line: number; character: number }) => lines.slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.character;
    let result = text;
    for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
      result = result.slice(0, offset(e.range.start)) + e.newText + result.slice(offset(e.range.end));
    }
    out[path.basename(file)] = result;
  }
  return out;
}

describe("rename across files, in the core", () => {
  it("refuses when a file it must change is read-only", () => {
    const { fs, index } = workspace({
      "services.tsk": 'services.users = { url = "http://users:8080" }\n',
      "routes.tsk": 'api_gateway.routes."/u" = { service = "users" }\n',
    });
    fs.readOnly.add(p("routes.tsk"));
    const at = 'services.users'.length - 2;
    const prepared = prepareRename(index, p("services.tsk"), at);
    assert.deepEqual(prepared, { ok: false, reason: "routes.tsk is read-only" });
    fs.readOnly.clear();
    assert.equal(prepareRename(index, p("services.tsk"), at).ok, true);
  });

  it("writes the new name as each place needs it: quoted keys and values keep their quotes, a name that is no word gets some", () => {
    const { index, files } = workspace({
      "services.tsk": 'services {\n    "users" = { url = "http://users:8080" }\n}\n',
      "routes.tsk": "api_gateway.routes.\"/u\" = { service = users }\nevents.subscribers.\"a.b\" = { service = 'users' }\n",
      "reader.tsk": "url = @services.tsk.get('services.users.url')\n",
    });
    assert.deepEqual(renamed(files, index, "services.tsk", '"users"', "user accounts"), {
      "services.tsk": 'services {\n    "user accounts" = { url = "http://users:8080" }\n}\n',
      "routes.tsk": "api_gateway.routes.\"/u\" = { service = \"user accounts\" }\nevents.subscribers.\"a.b\" = { service = 'user accounts' }\n",
      "reader.tsk": "url = @services.tsk.get('services.\"user accounts\".url')\n",
    });
  });

  it("refuses a name a read's double-quoted key string cannot hold, rather than break the read", () => {
    const { index } = workspace({
      "db.tsk": "database.host = \"db\"\n",
      "reader.tsk": 'h = @db.tsk.get("database.host")\n',
    });
    const outcome = rename(index, p("db.tsk"), "database.".length + 1, "host.name");
    assert.equal(outcome.ok, false);
    assert.match((outcome as { reason: string }).reason, /'host\.name' cannot be written in reader\.tsk:1/);
  });
});

describe("rename of globals written as TuskLang's parsers take them", () => {
  it("renames a global to a name with '-', as the lexer reads `$my-var`", () => {
    const { index, files } = workspace({ "app.tsk": "$region = \"eu\"\nhost = $region\n" });
    assert.deepEqual(renamed(files, index, "app.tsk", "$region =", "my-region"), { "app.tsk": "$my-region = \"eu\"\nhost = $my-region\n" });
    assert.deepEqual(rename(index, p("app.tsk"), 1, "bad-"), { ok: false, reason: "'$bad-' is no global's name: a letter or '_', then letters, digits, '_' or '-' (not at the end)" });
  });

  it("refuses while text read to the end of its line spells the global, which may or may not be meant", () => {
    const { index } = workspace({ "app.tsk": "$user = \"ann\"\nhome: /home/$user/data\n" });
    const outcome = rename(index, p("app.tsk"), 1, "owner");
    assert.equal(outcome.ok, false);
    assert.match((outcome as { reason: string }).reason, /\$user is also written inside a string/);
  });
});
