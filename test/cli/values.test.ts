// `tsk get` and `tsk export`: the value tree the path model resolves, for scripts.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { run } from "./run-tsk";
import { toYaml } from "../../server/src/cli/yaml-writer";
import type { Json } from "../../server/src/schemas/instance";

const CONFIG = [
  '$region = "eu-west-1"',
  "microservices.registry.metadata.region = $region",
  'api_gateway.routes."/api/v1" = { service = "users", timeout = "5s" }',
  "database >",
  '    host: @env("DB_HOST", "localhost")',
  "    port: 5432",
  "<",
  'flags = [true, null, 1.5, "yes", "a: b", -3]',
  "[microservices.discovery]",
  'provider = "consul"',
  'endpoints = ["http://consul1:8500", "http://consul2:8500"]',
  "retry_policy { max_attempts = 5 }",
  "",
].join("\n");

describe("tsk get and tsk export", () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsk-values-"));
    fs.writeFileSync(path.join(dir, "app.tsk"), CONFIG);
    fs.writeFileSync(path.join(dir, "broken.tsk"), "a =\nb = 1\n");
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const get = (...args: string[]) => run(["get", "app.tsk", ...args], dir);

  it("get prints the value at a path, whatever spelling wrote it: a string as it is, the rest as JSON", () => {
    const cases: [string, string][] = [
      ["microservices.discovery.provider", "consul\n"],
      ['api_gateway.routes."/api/v1".timeout', "5s\n"],
      ["microservices.discovery.endpoints[1]", "http://consul2:8500\n"],
      ["microservices.registry.metadata.region", "eu-west-1\n"],
      ["database.port", "5432\n"],
      ["flags[0]", "true\n"],
      ["microservices.discovery.retry_policy", '{\n  "max_attempts": 5\n}\n'],
    ];
    for (const [p, out] of cases) {
      const r = get(p);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, out, ""], p);
    }
    assert.equal(get("microservices.discovery.provider", "--format", "json").stdout, '"consul"\n');
    assert.equal(get("microservices.discovery", "--format", "yaml").stdout, [
      "provider: consul", "endpoints:", '  - "http://consul1:8500"', '  - "http://consul2:8500"', "retry_policy:", "  max_attempts: 5", "",
    ].join("\n"));
  });

  it("get of a path with no value, or a computed one, exits 1 and says why", () => {
    const missing = get("microservices.discovery.provdier");
    assert.deepEqual([missing.status, missing.stdout, missing.stderr], [1, "", "tsk get: app.tsk has no value at microservices.discovery.provdier\n"]);
    const computed = get("database.host");
    assert.deepEqual([computed.status, computed.stdout, computed.stderr], [1, "",
      'tsk get: database.host is computed when the configuration is loaded (@env("DB_HOST", "localhost")): tsk gives only the values written in the file\n']);
  });

  it("export prints the whole tree as JSON (the default) or YAML, a computed value as null and named on stderr", () => {
    const json = run(["export", "app.tsk"], dir);
    assert.equal(json.status, 0);
    assert.deepEqual(JSON.parse(json.stdout), {
      microservices: {
        registry: { metadata: { region: "eu-west-1" } },
        discovery: { provider: "consul", endpoints: ["http://consul1:8500", "http://consul2:8500"], retry_policy: { max_attempts: 5 } },
      },
      api_gateway: { routes: { "/api/v1": { service: "users", timeout: "5s" } } },
      database: { host: null, port: 5432 },
      flags: [true, null, 1.5, "yes", "a: b", -3],
    });
    assert.equal(json.stderr, 'tsk: warning: database.host is computed when the configuration is loaded (@env("DB_HOST", "localhost")): written as null\n');
    const yaml = run(["export", "app.tsk", "--format", "yaml"], dir);
    assert.equal(yaml.stdout, [
      "microservices:", "  registry:", "    metadata:", "      region: eu-west-1", "  discovery:", "    provider: consul", "    endpoints:",
      '      - "http://consul1:8500"', '      - "http://consul2:8500"', "    retry_policy:", "      max_attempts: 5",
      "api_gateway:", "  routes:", '    "/api/v1":', "      service: users", '      timeout: "5s"',
      "database:", "  host: null", "  port: 5432",
      "flags:", "  - true", "  - null", "  - 1.5", '  - "yes"', '  - "a: b"', "  - -3", "",
    ].join("\n"));
    assert.deepEqual(parseYaml(yaml.stdout), JSON.parse(json.stdout));
  });

  it("reads standard input, and refuses a file with syntax errors (exit 1) or one it cannot read (exit 2)", () => {
    assert.equal(run(["get", "-", "a.b"], dir, { input: "a { b = 2 }\n" }).stdout, "2\n");
    const broken = run(["export", "broken.tsk"], dir);
    assert.deepEqual([broken.status, broken.stdout, broken.stderr], [1, "",
      "tsk: broken.tsk:1:3: expected a value after '='\ntsk: broken.tsk has syntax errors: its values are not read until they are fixed\n"]);
    const missing = run(["export", "nope.tsk"], dir);
    assert.deepEqual([missing.status, missing.stderr], [2, "tsk: nope.tsk: no such file or folder\n"]);
    const usage = run(["get", "app.tsk"], dir);
    assert.deepEqual([usage.status, usage.stderr], [2, "tsk get: name a file and a path: tsk get config.tsk microservices.discovery.provider\nRun 'tsk --help' for the options.\n"]);
  });

  it("escapes a value's control characters on a terminal, not in a pipe", () => {
    const r = run(["get", "-", "x"], dir, { input: 'x = "a\\u001b[2Jb"\n' });
    assert.equal(r.stdout, "a\u001b[2Jb\n", "a pipe gets the value as it is");
  });
});

describe("the YAML writer", () => {
  it("writes what YAML readers read back as the same JSON value", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const json = JSON.parse(JSON.stringify(value)) as Json;
      assert.deepEqual(parseYaml(toYaml(json)), json);
      assert.deepEqual(parseYaml(toYaml(json), { version: "1.1" }), json, "YAML 1.1 readers too");
    }), { numRuns: 3000 });
  });

  it("quotes what a reader would take for something else", () => {
    assert.equal(toYaml({ a: "yes", b: "No", c: "1.0", d: "null", e: "~", f: "x: y", g: "- a", h: "", i: "plain_word", j: "#c", k: " lead", E0: "e+5" }), [
      'a: "yes"', 'b: "No"', 'c: "1.0"', 'd: "null"', 'e: "~"', 'f: "x: y"', 'g: "- a"', 'h: ""', "i: plain_word", 'j: "#c"', 'k: " lead"', '"E0": "e+5"', "",
    ].join("\n"));
    assert.equal(toYaml({ "\u001b[2J": "\u202e" }), '"\\u001b[2J": "\\u202E"\n');
  });
});
