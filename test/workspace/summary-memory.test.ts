// The index holds a summary per file for the whole session, for thousands of files: a summary
// must not keep its file's tree, text or analysis alive (ARCHITECTURE.md, invariant 6).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parse } from "../../server/src/syntax/syntax-tree";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { summarize } from "../../server/src/workspace/file-summary";
import { LineStarts } from "../../server/src/workspace/line-starts";
import { schemaContext } from "../validation/check";
import { guideExample } from "../helpers/guide-example";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Summarises a file the way the index does for a file on disk, and says what stays alive. */
function summaryAlone(lazyKeys: boolean) {
  const text = guideExample() + "\n[services]\napi.port = 8080\n$region = \"eu\"\n";
  const tree = parse(text);
  const analysis = analyzeDocument(tree, { file: "/ws/a.tsk", folder: "/ws" }, DEFAULT_VALIDATION_SETTINGS, schemaContext());
  const summary = summarize(tree, analysis, new LineStarts(text), lazyKeys);
  return { summary, tree: new WeakRef(tree), analysis: new WeakRef(analysis.paths) };
}

describe("a file's summary", () => {
  it("keeps neither the tree nor the analysis it was made from", async () => {
    const { summary, tree, analysis } = summaryAlone(false);
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    assert.equal(tree.deref(), undefined, "the tree is collected");
    assert.equal(analysis.deref(), undefined, "the analysis is collected");
    assert.equal(summary.keys.definitionsOf("services.api.port", 3).length, 1);
  });

  it("of an open document builds its key table when asked, from the analysis it keeps until then", () => {
    const { summary, analysis } = summaryAlone(true);
    gc();
    assert.notEqual(analysis.deref(), undefined);
    assert.equal(summary.keys.definitionsOf("services.api.port", 3).length, 1);
  });
});
