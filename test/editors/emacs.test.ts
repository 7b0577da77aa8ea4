// The Emacs snippet of docs/editors.md, run as written in a real Emacs (batch) with Eglot:
// the diagnostics (through Flymake), hover (ElDoc) and completion (completion-at-point) a user
// of Emacs gets from tsk-language-server.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { repoRoot } from "../helpers/guide-example";
import {
  snippet, makeWorkspace, requireEditor, runEditor, checkDiagnostics, expectedKeys,
  PROVIDER_LINE, PROVIDER_KEY, type SeenDiagnostic, type Workspace,
} from "./harness";

interface FlymakeDiagnostic { line: number; severity: string; text: string }

interface EmacsResult {
  "major-mode"?: string;
  "comment-start"?: string;
  "first-line-is-comment"?: boolean;
  "server-program"?: string;
  diagnostics?: FlymakeDiagnostic[];
  hover?: string;
  completion?: string[];
  "line-after-completion"?: string;
  "diagnostics-after-completion"?: FlymakeDiagnostic[];
  /** Waits for diagnostics that ended in vain (the guard). */
  waits?: string[];
  "server-stderr": string;
  warnings: string;
  error?: string;
}

/** Eglot shows a diagnostic as "SOURCE [CODE]: MESSAGE". */
function seen(d: FlymakeDiagnostic): SeenDiagnostic & { source: string } {
  const m = /^(\S+) \[([^\]]+)\]: ([\s\S]*)$/.exec(d.text);
  return { line: d.line, severity: d.severity as SeenDiagnostic["severity"], source: m?.[1] ?? "", code: m?.[2] ?? "", message: m?.[3] ?? d.text };
}

describe("Emacs and Eglot with the snippet of docs/editors.md", () => {
  let ws: Workspace;
  let result: EmacsResult;
  let stderr = "";

  before(async () => {
    requireEditor("emacs", ["--version"], "emacs-nox elpa-eglot");
    ws = makeWorkspace("tsk-emacs-");
    const snippetFile = path.join(ws.home, "tsk.el");
    fs.writeFileSync(snippetFile, snippet("elisp"));
    const resultFile = path.join(ws.home, "result.json");
    // Without -Q: Debian's site-start puts elpa-eglot on the load path, as for a user.
    const eglot = await runEditor("emacs", ["--batch", "--eval", "(princ (locate-library \"eglot\"))"], {
      cwd: ws.dir, env: { ...process.env, HOME: ws.home }, timeoutMs: 60_000,
    });
    if (!eglot.stdout.trim()) {
      throw new Error("Emacs has no Eglot: install it with `apt-get install -y --no-install-recommends elpa-eglot` (Emacs 29 and newer have it built in)");
    }
    const run = await runEditor("emacs", ["--batch", "-l", path.join(repoRoot, "test/editors/emacs-driver.el")], {
      cwd: ws.dir,
      env: {
        ...process.env,
        PATH: ws.path,
        HOME: ws.home,
        TSK_SNIPPET: snippetFile, TSK_RESULT: resultFile, TSK_FILE: ws.file,
        TSK_PROVIDER_LINE: String(PROVIDER_LINE), TSK_PROVIDER_KEY: PROVIDER_KEY,
        TSK_EXPECTED: expectedKeys(), TSK_EXPECTED_AFTER_COMPLETION: expectedKeys(["unknown-value"]),
      },
      timeoutMs: 120_000,
    });
    stderr = run.stderr;
    if (!fs.existsSync(resultFile)) {
      throw new Error(`Emacs wrote no result (exit ${run.code}).\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
    }
    result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as EmacsResult;
    if (result.error) throw new Error(`in Emacs: ${result.error}\n${JSON.stringify(result, null, 2)}\nstderr:\n${run.stderr}`);
  });
  after(() => ws?.cleanup());

  it("starts the snippet's server command, and shows no Eglot warning or server error output", () => {
    assert.match(result["server-program"] ?? "", /^tsk-language-server --stdio$/);
    // Eglot's messages go to stderr in batch mode; "(warning)" marks the ones it warns with.
    assert.deepEqual(stderr.split("\n").filter((l) => /^\[eglot\].*(warning|error)/i.test(l)), []);
    assert.equal(result.warnings, "");
    assert.equal(result["server-stderr"], "");
  });

  it("opens *.tsk files in tsk-mode, with # comments", () => {
    assert.equal(result["major-mode"], "tsk-mode");
    assert.equal(result["comment-start"], "# ");
    assert.equal(result["first-line-is-comment"], true);
  });

  it("shows the syntax error, the misspelt provider and the retry budget at the severities the snippet sets", () => {
    const shown = (result.diagnostics ?? []).map(seen);
    checkDiagnostics(shown, (ok, message) => assert.ok(ok, `${result.waits?.join("\n") ?? ""}\n${message}`));
    for (const d of shown) assert.equal(d.source, "tsk");
  });

  it("shows the key's documentation on hover", () => {
    assert.ok(result.hover, "no hover");
    assert.match(result.hover, /microservices\.discovery\.provider/);
    assert.match(result.hover, /The service registry that discovery asks/);
  });

  it("completes the provider's known values, and the chosen one clears the warning", () => {
    assert.ok(result.completion?.includes('"consul"'), `completion offers ${JSON.stringify(result.completion)}`);
    assert.equal(result["line-after-completion"], `${PROVIDER_KEY}"consul"`);
    checkDiagnostics((result["diagnostics-after-completion"] ?? []).map(seen),
      (ok, message) => assert.ok(ok, `${result.waits?.join("\n") ?? ""}\n${message}`), ["unknown-value"]);
  });
});

describe("Emacs and Eglot with the snippet, and a node older than 22 first on PATH", () => {
  it("shows 'Server died', and the events buffer says which Node the server needs, as docs/editors.md tells", async (t) => {
    requireEditor("emacs", ["--version"], "emacs-nox elpa-eglot");
    const old = (process.env.PATH ?? "").split(path.delimiter).map((d) => path.join(d, "node")).find((n) => {
      const v = spawnSync(n, ["--version"], { encoding: "utf8" });
      return v.status === 0 && Number(/^v(\d+)/.exec(v.stdout)?.[1]) < 22;
    });
    if (!old) return t.skip("no Node older than 22 on this machine");
    const ws = makeWorkspace("tsk-emacs-old-node-");
    try {
      const snippetFile = path.join(ws.home, "tsk.el");
      fs.writeFileSync(snippetFile, snippet("elisp"));
      const resultFile = path.join(ws.home, "result.json");
      await runEditor("emacs", ["--batch", "-l", path.join(repoRoot, "test/editors/emacs-old-node-driver.el")], {
        cwd: ws.dir,
        env: { ...process.env, PATH: [path.dirname(old), ws.bin, process.env.PATH].join(path.delimiter), HOME: ws.home, TSK_SNIPPET: snippetFile, TSK_RESULT: resultFile, TSK_FILE: ws.file },
        timeoutMs: 60_000,
      });
      const result = JSON.parse(fs.readFileSync(resultFile, "utf8")) as { error: string; stderr: string };
      const version = spawnSync(old, ["--version"], { encoding: "utf8" }).stdout.trim().slice(1);
      assert.match(result.error, /Server died/);
      assert.equal(result.stderr, `[stderr] tsk-language-server needs Node.js 22 or newer; this is Node.js ${version}.`);
      const doc = fs.readFileSync(path.join(repoRoot, "docs/editors.md"), "utf8");
      assert.match(doc, /Emacs: `Server died`/);
      assert.match(doc, /`\*EGLOT \(…\) events\*` buffer/);
    } finally {
      ws.cleanup();
    }
  });
});
