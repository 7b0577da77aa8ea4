import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { parse } from "../../server/src/syntax/syntax-tree";
import { indexPaths, definitionsOf, duplicateDefinitions } from "../../server/src/paths/definitions";
import { pathAt } from "../../server/src/paths/path-at";
import { formatPath, parsePath } from "../../server/src/paths/path";
import { withCursor } from "../helpers/cursor";
import { guideExample } from "../helpers/guide-example";

const pathsOf = (text: string) =>
  [...new Set(indexPaths(parse(text)).definitions.filter((d) => !d.global).map((d) => formatPath(d.path)))].sort();

const at = (marked: string) => {
  const { text, offset } = withCursor(marked);
  const r = pathAt(parse(text), offset);
  return { path: formatPath(r.path), target: r.target };
};

describe("paths", () => {
  it("formats and reads back quoted segments and indexes", () => {
    const p = ["api_gateway", "routes", "/api/v1/users", "service"];
    assert.equal(formatPath(p), 'api_gateway.routes."/api/v1/users".service');
    assert.deepEqual(parsePath(formatPath(p)), p);
    assert.equal(formatPath(["services", "api", "tags", 0]), "services.api.tags[0]");
    assert.deepEqual(parsePath('a."b.c"[2].d'), ["a", "b.c", 2, "d"]);
  });

  it("gives every path of the guide's example", () => {
    assert.deepEqual(pathsOf(guideExample()), [
      "microservices",
      "microservices.discovery",
      "microservices.discovery.endpoints",
      "microservices.discovery.health_check_interval",
      "microservices.discovery.provider",
      "microservices.discovery.retry_policy",
      "microservices.discovery.retry_policy.backoff",
      "microservices.discovery.retry_policy.max_attempts",
      "microservices.registry",
      "microservices.registry.auto_register",
      "microservices.registry.metadata",
      "microservices.registry.metadata.region",
      "microservices.registry.metadata.version",
      "microservices.registry.tags",
    ]);
  });

  it("treats sections, blocks, angle blocks, objects and dotted keys as one tree", () => {
    const spellings = [
      "[a.b]\nc = 1\nd { e = 2 }\n",
      "a { b { c = 1\n d { e = 2 } } }\n",
      "a >\n  b >\n    c: 1\n    d: { e: 2 }\n  <\n<\n",
      "a = {\n  b = {\n    c = 1\n    d = { e = 2 }\n  }\n}\n",
      "a.b.c = 1\na.b.d.e = 2\n",
      "[a]\nb.c = 1\nb.d = { e: 2 }\n",
    ];
    for (const text of spellings) {
      assert.deepEqual(pathsOf(text), ["a", "a.b", "a.b.c", "a.b.d", "a.b.d.e"], text);
    }
  });

  it("keeps keys before the first section at the root and globals out of the tree", () => {
    const index = indexPaths(parse('$env = "prod"\nname = "x"\n[db]\nhost = "h"\n'));
    assert.deepEqual(index.definitions.filter((d) => !d.global).map((d) => formatPath(d.path)), ["name", "db", "host"].map((_, i) => ["name", "db", "db.host"][i]));
    const globals = index.definitions.filter((d) => d.global);
    assert.deepEqual(globals.map((d) => d.path), [["env"]]);
  });

  it("finds paths inside inline objects and arrays of objects", () => {
    assert.deepEqual(pathsOf('routes = [{ path: "/a", auth: { type: "jwt" } }]\n'), [
      "routes", "routes[0].auth", "routes[0].auth.type", "routes[0].path",
    ]);
  });

  it("points each definition at the key itself", () => {
    const text = 'services {\n  api = { port = 8080 }\n}\n';
    const [d] = definitionsOf(indexPaths(parse(text)), ["services", "api", "port"]);
    assert.equal(text.slice(d.keyStart, d.keyEnd), "port");
  });

  it("finds a path assigned twice, in any spelling, and lets objects merge", () => {
    const text = 'a.b = 1\na { b = 2 }\na { c = 3 }\n[a]\nd = 4\n';
    const dups = duplicateDefinitions(indexPaths(parse(text)));
    assert.equal(dups.length, 1);
    assert.equal(formatPath(dups[0].again.path), "a.b");
    assert.equal(parse(text).positionAt(dups[0].first.keyStart).line, 0);
    assert.equal(parse(text).positionAt(dups[0].again.keyStart).line, 1);
  });

  it("gives the path at a key, a value, and an empty line in a body", () => {
    const guide = guideExample();
    const marked = guide.replace("backoff", "back|off");
    assert.deepEqual(at(marked), { path: "microservices.discovery.retry_policy.backoff", target: "key" });
    assert.deepEqual(at(guide.replace('"consul"', '"con|sul"')), { path: "microservices.discovery.provider", target: "value" });
    assert.deepEqual(at(guide.replace("max_attempts = 5\n", "max_attempts = 5\n|\n")), { path: "microservices.discovery.retry_policy", target: "body" });
    assert.deepEqual(at("[db]\nhost = \"h\"\n|"), { path: "db", target: "body" });
    assert.deepEqual(at("[db.pri|mary]\n"), { path: "db.primary", target: "key" });
    assert.deepEqual(at("a.b|.c = 1\n"), { path: "a.b", target: "key" });
    assert.deepEqual(at('x = { y: { z: "|" } }\n'), { path: "x.y.z", target: "value" });
    assert.deepEqual(at("tags = [\"a\", \"|\"]\n"), { path: "tags[1]", target: "value" });
    assert.deepEqual(at("s >\n  |\n<\n"), { path: "s", target: "body" });
  });

  it("puts a cursor after 'key = ' on its line in that empty value, whatever follows", () => {
    // The value a user has just cleared, with the rest of the file below it (as editors send it).
    assert.deepEqual(at("a = 1\nb.c = |\n\nd = 2\n"), { path: "b.c", target: "value" });
    assert.deepEqual(at("a = 1\nb.c =|\nd = 2\n"), { path: "b.c", target: "value" });
    assert.deepEqual(at("[s]\nb = |\n[t]\n"), { path: "s.b", target: "value" });
    assert.deepEqual(at("x {\n  b = |\n  c = 1\n}\n"), { path: "x.b", target: "value" });
    // On the next line, the cursor is between keys again.
    assert.deepEqual(at("a = 1\nb.c =\n|\nd = 2\n"), { path: "", target: "body" });
    assert.deepEqual(at("x {\n  b =\n  |\n  c = 1\n}\n"), { path: "x", target: "body" });
  });

  it("still knows the path below a syntax error", () => {
    assert.deepEqual(at("a = {\n  broken =\n  c = (1\n  d = |1\n}\n"), { path: "a.d", target: "value" });
  });
});
