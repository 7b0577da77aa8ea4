// The Neovim snippet of docs/editors.md, run as written in a real (headless) Neovim: the
// diagnostics, hover and completion a user of Neovim gets from tsk-language-server.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";
import {
  snippet, makeWorkspace, requireEditor, runEditor, checkDiagnostics, expectedKeys,
  PROVIDER_LINE, PROVIDER_KEY, type SeenDiagnostic, type Workspace,
} from "./harness";

/** vim.diagnostic's entries, with the source Neovim shows after the message. */
type NeovimDiagnostic = SeenDiagnostic & { source: string };

interface NeovimResult {
  version: string;
  filetype: string;
  commentstring: string;
  omnifunc: string;
  diagnostics?: NeovimDiagnostic[];
  hover?: string | null;
  completion?: string[];
  line_after_completion?: string;
  diagnostics_after_completion?: NeovimDiagnostic[];
  /** Waits for diagnostics that ended in vain (the guard), as Neovim reported them. */
  waits?: string[];
  /** The [WARN] and [ERROR] lines of Neovim's LSP log. */
  log_problems: string[];
  error?: string;
}

describe("Neovim with the snippet of docs/editors.md", () => {
  let ws: Workspace;
  let result: NeovimResult;

  before(async () => {
    // Debian 12 ships Neovim 0.7.2: the snippet's branch for 0.7 runs, as written.
    requireEditor("nvim", ["--version"], "neovim");
    ws = makeWorkspace("tsk-neovim-");
    const snippetFile = path.join(ws.home, "tsk.lua");
    fs.writeFileSync(snippetFile, snippet("lua"));
    const resultFile = path.join(ws.home, "result.json");
    const xdg = (d: string) => path.join(ws.home, d);
    const run = await runEditor("nvim", [
      "--headless", "--clean",
      "-c", `luafile ${path.join(repoRoot, "test/editors/neovim-driver.lua")}`,
    ], {
      cwd: ws.dir,
      env: {
        ...process.env,
        PATH: ws.path,
        HOME: ws.home, XDG_CONFIG_HOME: xdg("config"), XDG_DATA_HOME: xdg("data"), XDG_STATE_HOME: xdg("state"), XDG_CACHE_HOME: xdg("cache"),
        TSK_SNIPPET: snippetFile, TSK_RESULT: resultFile, TSK_FILE: ws.file,
        TSK_PROVIDER_LINE: String(PROVIDER_LINE), TSK_PROVIDER_KEY: PROVIDER_KEY,
        TSK_EXPECTED: expectedKeys(), TSK_EXPECTED_AFTER_COMPLETION: expectedKeys(["unknown-value"]),
      },
      timeoutMs: 120_000,
    });
    if (!fs.existsSync(resultFile)) {
      throw new Error(`Neovim wrote no result (exit ${run.code}).\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    }
    result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as NeovimResult;
    if (result.error) throw new Error(`in Neovim ${result.version}: ${result.error}\n${JSON.stringify(result, null, 2)}`);
  });
  after(() => ws?.cleanup());

  it("logs no warning or error from the LSP client (the server's stderr included)", () => {
    assert.deepEqual(result.log_problems, []);
  });

  it("gives *.tsk files the tsk filetype, # comments and LSP omni-completion", () => {
    assert.equal(result.filetype, "tsk");
    assert.equal(result.commentstring, "# %s");
    assert.equal(result.omnifunc, "v:lua.vim.lsp.omnifunc");
  });

  it("shows the syntax error, the misspelt provider and the retry budget at the severities the snippet sets", () => {
    checkDiagnostics(result.diagnostics ?? [], (ok, message) => assert.ok(ok, `${result.waits?.join("\n") ?? ""}\n${message}`));
    for (const d of result.diagnostics ?? []) assert.equal(d.source, "tsk");
  });

  it("shows the key's documentation on hover", () => {
    assert.ok(result.hover, "no hover");
    assert.match(result.hover, /\*\*microservices\.discovery\.provider\*\*/);
    assert.match(result.hover, /The service registry that discovery asks/);
  });

  it("completes the provider's known values, and the chosen one clears the warning", () => {
    assert.ok(result.completion?.includes('"consul"'), `completion offers ${JSON.stringify(result.completion)}`);
    assert.equal(result.line_after_completion, `${PROVIDER_KEY}"consul"`);
    checkDiagnostics(result.diagnostics_after_completion ?? [], (ok, message) => assert.ok(ok, `${result.waits?.join("\n") ?? ""}\n${message}`), ["unknown-value"]);
  });
});
