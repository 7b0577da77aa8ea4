// Completion in process, with the cursor marked `|`: what is offered where, and the text after
// the chosen item is inserted (as an editor that takes no snippets inserts it).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { complete, type CompletionItem } from "../../server/src/features/completion";
import { snippetAsText } from "../../server/src/features/snippet-text";
import { analyzeDocument } from "../../server/src/validation/validate-document";
import { DEFAULT_VALIDATION_SETTINGS } from "../../server/src/validation/settings";
import { withCursor } from "../helpers/cursor";
import { schemaContext } from "../validation/check";

function completionsAt(marked: string): { text: string; items: CompletionItem[] } {
  const { text, offset } = withCursor(marked);
  const tree = parse(text);
  const schemas = schemaContext();
  const analysis = analyzeDocument(tree, { file: null, folder: null }, DEFAULT_VALIDATION_SETTINGS, schemas);
  return { text, items: complete({ tree, index: analysis.paths, roots: analysis.roots, navigator: schemas.navigator }, offset) };
}

const labels = (marked: string) => completionsAt(marked).items.map((i) => i.label);

/** The text after choosing `label`, inserted as plain text. */
function accept(marked: string, label: string): string {
  const { text, items } = completionsAt(marked);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} among ${items.map((i) => i.label).join(", ")}`);
  const insert = item.snippet ? snippetAsText(item.insertText) : item.insertText;
  return text.slice(0, item.replace.start) + insert + text.slice(item.replace.end);
}

describe("completion knows where the cursor is", () => {
  it("offers nothing inside a comment, whatever the comment says", () => {
    for (const marked of [
      "# one request in |",
      "# one request in ten|",
      "microservices {\n    # retry |budget\n}\n",
      "port = 8080 # admin |",
      "port = 8080 // admin|",
      "/* a block |comment */\nport = 1\n",
      "port = /* why| */ 1\n",
      "# @|\n",
      "# $|\n",
    ]) {
      assert.deepEqual(labels(marked), [], marked);
    }
  });

  it("offers the key's values inside a string, even one not closed yet, and replaces it", () => {
    const marked = 'microservices.discovery.provider = "co|';
    assert.deepEqual(labels(marked), ['"consul"', '"etcd"', '"zookeeper"', '"eureka"', '"nacos"', '"kubernetes"', '"dns"', '"static"']);
    assert.equal(accept(marked, '"consul"'), 'microservices.discovery.provider = "consul"');
    const followed = 'microservices.discovery.provider = "co|\nmicroservices.discovery.timeout = "5s"\n';
    assert.equal(accept(followed, '"consul"'), 'microservices.discovery.provider = "consul"\nmicroservices.discovery.timeout = "5s"\n');
    assert.equal(accept('microservices.discovery.provider = "|"\n', '"etcd"'), 'microservices.discovery.provider = "etcd"\n');
  });

  it("offers no operators or globals inside a string", () => {
    assert.deepEqual(labels('owner = "ops@|'), []);
    assert.deepEqual(labels('owner = "ops@|"'), []);
    assert.deepEqual(labels('owner = "$|"'), []);
  });

  it("offers nothing for a string inside an argument, whose meaning the key's schema does not give", () => {
    assert.deepEqual(labels('microservices.discovery.provider = @env("PROV|")'), []);
  });

  it("offers operators where a value starts, and at the start of a statement for @import", () => {
    const value = labels("port = @e|");
    assert.ok(value.includes("@env"), value.join(", "));
    assert.equal(accept("port = @e|", "@env"), 'port = @env("name")');
    assert.ok(labels("port = @|\nhost = 1\n").includes("@env"));
    assert.ok(labels("@imp|").includes("@import"));
    assert.equal(accept("services {\n    @imp|\n}\n", "@import"), 'services {\n    @import("path")\n}\n');
  });

  it("offers globals where a value starts, not where a global is being defined", () => {
    const text = "$region = \"eu\"\nzone = $r|";
    assert.deepEqual(labels(text), ["$region"]);
    assert.equal(accept(text, "$region"), "$region = \"eu\"\nzone = $region");
    assert.deepEqual(labels("$region = \"eu\"\n$r|"), []);
  });

  it("offers keys where a key can stand, and nothing after a whole statement on its line", () => {
    assert.ok(labels("microservices {\n    disc|\n}\n").includes("discovery"));
    assert.ok(labels("microservices { discovery { provider = \"consul\", |} }\n").includes("retry_policy"));
    assert.deepEqual(labels("microservices {\n    service_name = \"x\" |\n}\n"), []);
  });

  it("inserts a key with its value as plain text for editors without snippets", () => {
    assert.equal(accept("microservices.discovery {\n    prov|\n}\n", "provider"), 'microservices.discovery {\n    provider = "consul"\n}\n');
  });
});

describe("snippets as plain text", () => {
  it("keeps defaults and first choices, drops tab stops, and unescapes", () => {
    assert.equal(snippetAsText('timeout = ${1:"5s"}'), 'timeout = "5s"');
    assert.equal(snippetAsText('provider = "${1|consul,etcd|}"'), 'provider = "consul"');
    assert.equal(snippetAsText("load_balancing = {\n\t$0\n}"), "load_balancing = {\n    \n}");
    assert.equal(snippetAsText("lb = {\n\t$0\n}", "    "), "lb = {\n        \n    }", "indented as the line it goes on");
    assert.equal(snippetAsText("lb = {\n\t$0\n}", "\t"), "lb = {\n\t\t\n\t}");
    assert.equal(snippetAsText("a = ${1:x ${2:y}} $0 \\$HOME \\}"), "a = x y  $HOME }");
    assert.equal(snippetAsText("cost = $5 ${x}"), "cost =  ${x}");
  });
});
