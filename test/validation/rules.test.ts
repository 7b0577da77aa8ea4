import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check, codes } from "./check";
import { guideExample } from "../helpers/guide-example";
import { RULES } from "../../server/src/rules/all-rules";

const only = (text: string, code: string) => check(text).filter((f) => f.code === code);

describe("cross-section rules", () => {
  it("each has a name, a default severity and a description", () => {
    const expected: Record<string, string> = {
      "cors-wildcard-credentials": "warning", "mtls-mismatch": "warning", "zero-trust-without-mtls": "warning",
      "plaintext-endpoint": "info", "retry-budget": "warning", "unknown-service": "warning",
      "dependency-cycle": "warning", "duplicate-topic": "warning", "unused-global": "hint",
      "unknown-global": "warning", "unknown-file": "warning", "unknown-file-key": "warning", "import-cycle": "warning",
    };
    assert.deepEqual(Object.fromEntries(RULES.map((r) => [r.code, r.severity])), expected);
    for (const r of RULES) assert.ok(r.description.length > 20, r.code);
  });

  it("finds nothing in the guide's example", () => {
    assert.deepEqual(codes(check(guideExample())), []);
  });

  it("cors-wildcard-credentials: a wildcard origin with credentials", () => {
    const bad = only('api_gateway.cors = { allow_origins = ["https://a.example", "*"], allow_credentials = true }\n', "cors-wildcard-credentials");
    assert.equal(bad.length, 1);
    assert.equal(bad[0].text, '"*"');
    assert.equal(bad[0].severity, "warning");
    assert.equal(only('api_gateway.cors = { allow_origins = ["*"], allow_credentials = false }\n', "cors-wildcard-credentials").length, 0);
  });

  it("mtls-mismatch: the mesh and security disagree", () => {
    const bad = only("service_mesh.mtls = true\nsecurity.mutual_tls = false\n", "mtls-mismatch");
    assert.equal(bad.length, 1);
    assert.equal(bad[0].line, 2);
    assert.equal(only("service_mesh.mtls = true\nsecurity.mutual_tls = true\n", "mtls-mismatch").length, 0);
  });

  it("zero-trust-without-mtls: zero trust with mutual TLS off", () => {
    assert.equal(only("security { zero_trust = true, mutual_tls = false }\n", "zero-trust-without-mtls").length, 1);
    assert.equal(only("security { zero_trust = true }\n", "zero-trust-without-mtls").length, 1);
    assert.equal(only("security { zero_trust = true }\nservice_mesh.mtls = true\n", "zero-trust-without-mtls").length, 0);
  });

  it("plaintext-endpoint: http:// while zero trust or mTLS is on", () => {
    const text = 'security { zero_trust = true, mutual_tls = true }\nmicroservices.discovery.endpoints = ["http://consul:8500", "https://consul:8501"]\n';
    const found = only(text, "plaintext-endpoint");
    assert.deepEqual(found.map((f) => f.text), ['"http://consul:8500"']);
    assert.equal(found[0].severity, "info");
    assert.equal(only('microservices.discovery.endpoints = ["http://consul:8500"]\n', "plaintext-endpoint").length, 0);
  });

  it("retry-budget: timeout × (retries + 1) over the transaction timeout", () => {
    const bad = only('service_mesh.traffic_policy = { retries = 3, timeout = "20s" }\ndistributed_transactions.timeout = "60s"\n', "retry-budget");
    assert.equal(bad.length, 1);
    assert.match(bad[0].message, /4 tries of 20s take up to 80s, longer than the transaction timeout of 1m/);
    assert.equal(only('service_mesh.traffic_policy = { retries = 3, timeout = "5s" }\ndistributed_transactions.timeout = "60s"\n', "retry-budget").length, 0);
  });

  it("unknown-service: routes, subscribers and depends_on name defined services", () => {
    const text = [
      'services.users = { url = "http://users:8080" }',
      'services.orders = { url = "http://orders:8080", depends_on = ["users", "billing"] }',
      'api_gateway.routes = { "/api/users" = { service = "usres" } }',
      'events.subscribers = { "user.created" = { service = "orders" } }',
    ].join("\n");
    const found = only(text, "unknown-service");
    assert.deepEqual(found.map((f) => f.text), ['"billing"', '"usres"']);
    assert.match(found[1].message, /did you mean 'users'/);
  });

  it("dependency-cycle: names every service in the cycle", () => {
    const text = [
      'services.a = { depends_on = ["b"] }',
      'services.b = { depends_on = ["c"] }',
      'services.c = { depends_on = ["a"] }',
      'services.d = { depends_on = ["a"] }',
    ].join("\n");
    const found = only(text, "dependency-cycle");
    assert.equal(found.length, 1);
    assert.match(found[0].message, /a → b → c → a/);
  });

  it("dependency-cycle: a cycle through thousands of services is found once, and told briefly", () => {
    const n = 3000;
    const text = Array.from({ length: n }, (_, i) => `services.s${i} = { depends_on = ["s${(i + 1) % n}"] }`).join("\n") + "\n";
    const found = only(text, "dependency-cycle");
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^services depend on each other in a cycle: s0 → s1 → .* → … → s2999 → s0 \(3000 services\)$/);
  });

  it("duplicate-topic: a topic listed twice", () => {
    const found = only('events.topics = ["user.created", "order.placed", "user.created"]\n', "duplicate-topic");
    assert.equal(found.length, 1);
    assert.equal(found[0].start, 'events.topics = ["user.created", "order.placed", '.length);
  });

  it("unused-global: a global nothing reads, as a faded hint", () => {
    const found = only('$used = "a"\n$unused = "b"\nname = $used\n', "unused-global");
    assert.deepEqual(found.map((f) => f.text), ["$unused"]);
    assert.equal(found[0].severity, "hint");
    assert.deepEqual(found[0].tags, ["unnecessary"]);
    assert.deepEqual(check('$shared = "x"\n', {}, "/project/peanut.tsk").filter((f) => f.code === "unused-global"), []);
  });

  it("takes a severity per rule, or off", () => {
    const text = "service_mesh.mtls = true\nsecurity.mutual_tls = false\n";
    assert.equal(check(text, { rules: { "mtls-mismatch": "error" } }).find((f) => f.code === "mtls-mismatch")?.severity, "error");
    assert.equal(check(text, { rules: { "mtls-mismatch": "off" } }).filter((f) => f.code === "mtls-mismatch").length, 0);
  });

  it("is silenced by a suppression comment on the line before", () => {
    const text = "service_mesh.mtls = true\n# tsk-disable-next-line mtls-mismatch\nsecurity.mutual_tls = false\n";
    assert.equal(only(text, "mtls-mismatch").length, 0);
    const other = "service_mesh.mtls = true\n# tsk-disable-next-line retry-budget\nsecurity.mutual_tls = false\n";
    assert.equal(only(other, "mtls-mismatch").length, 1);
    const all = "service_mesh.mtls = true\nsecurity.mutual_tls = false # tsk-disable-next-line\n";
    assert.equal(only(all, "mtls-mismatch").length, 1, "a suppression applies to the next line, not its own");
  });

  it("skips type checks of values that are expressions", () => {
    const found = check('microservices.discovery = { provider = @env("PROVIDER", "consul"), retry_policy.max_attempts = $attempts }\n');
    assert.deepEqual(codes(found).filter((c) => c !== "unused-global"), []);
  });

  it("reads the keys after a block that lacks its '}' where its indentation places them: no knock-on unknown key", () => {
    const text = ["microservices {", "    discovery {", '        provider = "consul"', "", "    registry {", "        port = 8080", "    }", "}", ""].join("\n");
    assert.deepEqual(check(text).map((d) => [d.code, d.line]), [["unclosed-block", 2]]);
  });
});
