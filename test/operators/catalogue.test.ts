// The operator catalogue as data: every entry complete and well formed, its examples TSK this
// editor reads, and the forms of the reference that this parser does not read kept in view.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { OPERATORS, SDKS, operatorNamed } from "../../server/src/operators/catalogue";
import { unknownOperators } from "../../server/src/operators/unknown-operators";
import { referenceReadingChecks } from "../../server/src/diagnostics/reference-reading";

const TYPES = new Set(["string", "number", "boolean", "array", "object", "any", "duration", "expression"]);

/**
 * Examples of the PHP runtime's template directives: a template's text, which its engine reads
 * before parsing; this parser reads none of them as the engine does (docs/language-reference.md,
 * "Operators"). `@unless(…)` on its own line is a bare call, which TuskLang's parsers drop.
 */
const TEMPLATE_DIRECTIVES = new Map([
  ["unless", "TuskLang ignores this line: it sets no key. To keep its value, give it one, as in name = …"],
  ["foreach", "expected ',' or ')' after '$users', found 'as'"],
  ["macro", "unexpected 'card' after the value: one value per key, and one key per line"],
  ["call", "unexpected 'card' after the value: one value per key, and one key per line"],
]);

describe("the operator catalogue", () => {
  it("names each operator once, with a description, what it returns, an example and its docs", () => {
    assert.ok(OPERATORS.length >= 160, `${OPERATORS.length} operators`);
    const names = OPERATORS.map((o) => o.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], "names are unique");
    for (const o of OPERATORS) {
      assert.match(o.name, /^[A-Za-z_][A-Za-z0-9_]*$/, o.name);
      assert.ok(o.description.length > 10 && o.returns.length > 3 && o.example.length > 0, o.name);
      assert.ok(Array.isArray(o.docs) && o.docs.every((d) => /^docs-branch\//.test(d)), `${o.name}: docs are pages of the reference`);
      assert.ok(o.example.includes(o.name), `${o.name}: its example uses it`);
    }
  });

  it("gives every parameter a name, a type and a meaning; optional ones come last", () => {
    for (const o of OPERATORS) {
      let optionalSeen = false;
      for (const p of o.params) {
        assert.match(p.name, /^[A-Za-z_]\w*$/, `${o.name}: ${p.name}`);
        assert.ok(TYPES.has(p.type), `${o.name}.${p.name}: type ${p.type}`);
        assert.ok(p.doc.length > 3, `${o.name}.${p.name}`);
        if (optionalSeen) assert.ok(p.optional, `${o.name}: required ${p.name} after an optional parameter`);
        optionalSeen ||= p.optional === true;
      }
      if (o.form === "bare") assert.deepEqual(o.params, [], `${o.name} is written alone`);
      if (o.form === "member") assert.equal(o.params.length, 1, `${o.name} is written @${o.name}.field`);
    }
  });

  it("says which SDKs implement each operator with the SDKs it describes, and marks those only the docs name", () => {
    for (const o of OPERATORS) {
      for (const id of o.implementedBy) assert.ok(SDKS[id], `${o.name}: unknown SDK ${id}`);
      assert.equal(new Set(o.implementedBy).size, o.implementedBy.length, o.name);
      if (o.implementedBy.length === 0) assert.ok(o.docs.length > 0, `${o.name}: implemented by no SDK, so the docs must name it`);
    }
    for (const [id, sdk] of Object.entries(SDKS)) {
      assert.ok(sdk.name && sdk.files.length > 0 && sdk.reads.length > 20, id);
      assert.ok(OPERATORS.some((o) => o.implementedBy.includes(id)), `${id} implements something`);
    }
    assert.deepEqual(operatorNamed("shell")?.implementedBy, []);
    assert.deepEqual(operatorNamed("hash")?.implementedBy, ["js", "php", "go"]);
  });

  it("has examples this editor parses without a problem, and that call no unknown operator", () => {
    for (const o of OPERATORS) {
      if (TEMPLATE_DIRECTIVES.has(o.name)) continue;
      const tree = parse(o.example + "\n");
      assert.deepEqual(tree.problems().map((p) => p.message), [], `${o.name}: ${o.example}`);
      assert.deepEqual(unknownOperators(tree.root, 0).map((d) => d.message), [], `${o.name}: ${o.example}`);
    }
  });

  it("keeps the template directives' examples, which this parser does not read, as the engine writes them", () => {
    for (const [name, message] of TEMPLATE_DIRECTIVES) {
      const op = operatorNamed(name)!;
      assert.deepEqual(op.implementedBy, ["fujsen"], name);
      const tree = parse(op.example + "\n");
      const said = [...tree.problems(), ...referenceReadingChecks(tree, tree.root, 0)].map((p) => p.message);
      assert.deepEqual(said, [message], `${name}: ${op.example}`);
    }
  });
});
