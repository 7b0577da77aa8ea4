// Hover in process, cursor marked `|`: the exact Markdown and the range it is about.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { hover } from "../../server/src/features/hover";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { withCursor } from "../helpers/cursor";
import { schemaContext } from "../validation/check";

function hoverAt(marked: string): { markdown: string; over: string } | null {
  const { text, offset } = withCursor(marked);
  const tree = parse(text);
  const schemas = schemaContext();
  const analysis = analyzeDocument(tree, { file: null, folder: null }, DEFAULT_VALIDATION_SETTINGS, schemas);
  const h = hover({ tree, index: analysis.paths, roots: analysis.roots, navigator: schemas.navigator }, offset);
  return h ? { markdown: h.markdown, over: text.slice(h.start, h.end) } : null;
}

describe("hover", () => {
  it("on a key: its path, description, type, default and examples", () => {
    assert.deepEqual(hoverAt("resilience.circuit_breaker.thres|hold = 3\n"), {
      over: "threshold",
      markdown: "**resilience.circuit_breaker.threshold**\n\nHow many failures open the circuit: a whole number, at least `1`. Default `5`. Example: `threshold = 5`.\n\nType: `integer`  \nDefault: `5`  \nExamples: `5`, `10`",
    });
  });

  it("on a known value: what it means, then its key", () => {
    const h = hoverAt('microservices.discovery.provider = "con|sul"\n')!;
    assert.equal(h.over, '"consul"');
    assert.ok(h.markdown.startsWith('`"consul"`: HashiCorp Consul: a catalogue with health checks, queried over HTTP (port 8500) or DNS (port 8600).\n\n---\n\n**microservices.discovery.provider**\n\n'), h.markdown);
  });

  it("on a $global: its value and the line that defines it", () => {
    assert.deepEqual(hoverAt('$region = "eu"\nzone = $reg|ion\n'), { over: "$region", markdown: '```tsk\n$region = "eu"\n```\n\nA global, defined on line 1.' });
  });

  it("on nothing in a comment, or deep past the depth the paths follow", () => {
    assert.equal(hoverAt("# a comm|ent about resilience.circuit_breaker\n"), null);
    assert.equal(hoverAt("a {\n".repeat(1100) + "x| = 1\n" + "}\n".repeat(1100)), null);
  });
});
