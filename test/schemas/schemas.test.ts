// The built-in JSON Schemas of `schemas/`: well formed, compiled by ajv in strict mode, every
// key documented, the guide's example valid, wrong values caught with the right keyword, and
// every path of the microservices keys table (TuskLang's guides; the example: test/fixtures/microservices-guide.tsk) defined with the type it gives.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { ErrorObject, ValidateFunction } from "ajv";

const repoRoot = path.resolve(__dirname, "../../..");
const schemaDir = path.join(repoRoot, "schemas");
const ID_PREFIX = "tsk-schema://builtin/";
const ROOT_ID = `${ID_PREFIX}tsk-microservices.schema.json`;
const DRAFT_2020 = "https://json-schema.org/draft/2020-12/schema";
const SECTIONS = [
  "microservices", "api_gateway", "service_mesh", "resilience", "distributed_transactions",
  "events", "security", "observability", "services",
];
/** The `tsk-duration` format, as the validator registers it: a number and a unit. */
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d)$/;
/** Keywords our schemas carry for editors, declared to ajv so that strict mode accepts them. */
const VOCABULARY = ["x-tsk-open-enum", "x-tsk-reference", "x-tsk-show-defaults", "markdownDescription", "markdownEnumDescriptions"];

type Schema = { [k: string]: unknown };

interface SchemaFile { rel: string; id: string; schema: Schema }

function isObject(x: unknown): x is Schema {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}

function schemaFiles(): SchemaFile[] {
  const out: SchemaFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith(".json")) {
        const rel = path.relative(schemaDir, full).split(path.sep).join("/");
        const schema: unknown = JSON.parse(fs.readFileSync(full, "utf8"));
        assert.ok(isObject(schema), `${rel} is a JSON object`);
        out.push({ rel, id: String(schema.$id), schema });
      }
    }
  };
  walk(schemaDir);
  return out.sort((a, b) => a.rel.localeCompare(b.rel));
}

const FILES = schemaFiles();
const byId = new Map(FILES.map((f) => [f.id, f]));

function newAjv(): Ajv2020 {
  // Union types ("duration or whole seconds": ["string", "integer"]) need allowUnionTypes in strict mode.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true, verbose: true });
  addFormats(ajv);
  ajv.addFormat("tsk-duration", DURATION);
  ajv.addVocabulary(VOCABULARY);
  for (const f of FILES) if (f.id !== ROOT_ID) ajv.addSchema(f.schema);
  return ajv;
}

let shared: { ajv: Ajv2020; validate: ValidateFunction } | null = null;
function compiled(): { ajv: Ajv2020; validate: ValidateFunction } {
  if (!shared) {
    const ajv = newAjv();
    const root = byId.get(ROOT_ID);
    assert.ok(root, "the root schema is there");
    shared = { ajv, validate: ajv.compile(root.schema) };
  }
  return shared;
}

function errorsOf(config: unknown): ErrorObject[] {
  const { validate } = compiled();
  return validate(config) ? [] : [...(validate.errors ?? [])];
}

// ---------------------------------------------------------------------------------------
// Walking the schemas

interface Place { file: SchemaFile; pointer: string; schema: Schema }

const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** Resolves a `$ref` among the schema files: the target, or an assertion error. */
function resolve(ref: string, base: SchemaFile): Place {
  const url = new URL(ref, base.id);
  assert.ok(url.protocol === "tsk-schema:", `${base.rel}: $ref '${ref}' stays among the built-in schemas`);
  const hash = url.hash;
  url.hash = "";
  const file = byId.get(url.toString());
  assert.ok(file, `${base.rel}: $ref '${ref}' names a schema file (${url.toString()})`);
  let node: unknown = file.schema;
  const pointer = decodeURIComponent(hash.slice(1));
  if (pointer) {
    assert.ok(pointer.startsWith("/"), `${base.rel}: $ref '${ref}' has a JSON pointer`);
    for (const raw of pointer.slice(1).split("/")) {
      assert.ok(isObject(node), `${base.rel}: $ref '${ref}' leads somewhere`);
      node = node[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
  }
  assert.ok(isObject(node), `${base.rel}: $ref '${ref}' leads to a schema`);
  return { file, pointer, schema: node };
}

type Role = "property" | "entry" | "branch" | "def" | "items" | "other";

/** Every subschema of every file, with the role it plays (a property, a map entry, a branch…). */
function everySchema(): Array<Place & { role: Role }> {
  const out: Array<Place & { role: Role }> = [];
  const visit = (file: SchemaFile, schema: Schema, pointer: string, role: Role) => {
    out.push({ file, schema, pointer, role });
    const each = (key: string, r: Role) => {
      const m = schema[key];
      if (isObject(m)) for (const [k, s] of Object.entries(m)) if (isObject(s)) visit(file, s, `${pointer}/${key}/${escapePointer(k)}`, r);
    };
    each("properties", "property");
    each("patternProperties", "entry");
    each("$defs", "def");
    if (isObject(schema.additionalProperties)) visit(file, schema.additionalProperties, `${pointer}/additionalProperties`, "entry");
    if (isObject(schema.items)) visit(file, schema.items, `${pointer}/items`, "items");
    for (const key of ["oneOf", "anyOf", "allOf", "prefixItems"]) {
      const list = schema[key];
      if (Array.isArray(list)) list.forEach((s, i) => { if (isObject(s)) visit(file, s, `${pointer}/${key}/${i}`, key === "prefixItems" ? "items" : "branch"); });
    }
    for (const key of ["not", "if", "then", "else", "propertyNames", "contains"]) {
      if (isObject(schema[key])) visit(file, schema[key] as Schema, `${pointer}/${key}`, "other");
    }
  };
  for (const f of FILES) visit(f, f.schema, "", "other");
  return out;
}

const where = (p: Place) => `${p.file.rel}#${p.pointer}`;
const nonEmpty = (x: unknown) => typeof x === "string" && x.trim().length > 0;

/** The schemas that apply at a place: `$ref` targets first, then the place, then oneOf/anyOf/allOf branches. */
function expand(p: Place, depth = 0): Place[] {
  assert.ok(depth < 20, `${where(p)}: $ref chain too deep`);
  const out: Place[] = [];
  if (typeof p.schema.$ref === "string") out.push(...expand(resolve(p.schema.$ref, p.file), depth + 1));
  out.push(p);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = p.schema[key];
    if (Array.isArray(list)) list.forEach((s, i) => { if (isObject(s)) out.push(...expand({ file: p.file, schema: s, pointer: `${p.pointer}/${key}/${i}` }, depth + 1)); });
  }
  return out;
}

/**
 * The schemas at a dotted path below the root: `<name>` stands for any key of a map (it must
 * come through patternProperties or additionalProperties, not a fixed property), `[]` for an
 * array's items.
 */
function schemasAt(dotted: string): Place[] {
  const root = byId.get(ROOT_ID)!;
  let current = expand({ file: root, schema: root.schema, pointer: "" });
  const segments = dotted.replace(/\[\]/g, ".[]").split(".");
  for (const seg of segments) {
    const next: Place[] = [];
    for (const p of current) {
      const child = (s: unknown, ptr: string) => { if (isObject(s)) next.push(...expand({ file: p.file, schema: s, pointer: ptr })); };
      if (seg === "[]") { child(p.schema.items, `${p.pointer}/items`); continue; }
      const placeholder = /^<.+>$/.test(seg);
      const props = p.schema.properties;
      if (!placeholder) {
        if (isObject(props) && isObject(props[seg])) child(props[seg], `${p.pointer}/properties/${escapePointer(seg)}`);
        continue;
      }
      const patterns = p.schema.patternProperties;
      if (isObject(patterns)) for (const [k, s] of Object.entries(patterns)) child(s, `${p.pointer}/patternProperties/${escapePointer(k)}`);
      child(p.schema.additionalProperties, `${p.pointer}/additionalProperties`);
    }
    assert.ok(next.length > 0, `'${dotted}' is defined (stopped at '${seg}')`);
    current = next;
  }
  return current;
}

interface Facts {
  type?: unknown;
  format?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  enum?: unknown[];
  open?: boolean;
  reference?: unknown;
  oneOf?: unknown[];
  items?: Facts;
  entries?: Facts;
}

/** What the schemas at a place say, merged (the first that says a thing wins). */
function facts(places: Place[]): Facts {
  const f: Facts = {};
  const take = <K extends keyof Facts>(k: K, v: Facts[K]) => { if (f[k] === undefined && v !== undefined) f[k] = v; };
  for (const p of places) {
    const s = p.schema;
    take("type", s.type);
    take("format", s.format);
    take("minimum", s.minimum);
    take("maximum", s.maximum);
    if (Array.isArray(s.enum)) { take("enum", s.enum); take("open", s["x-tsk-open-enum"] === true); }
    take("reference", s["x-tsk-reference"]);
    if (Array.isArray(s.oneOf)) take("oneOf", s.oneOf.map((b) => (isObject(b) ? b.type : undefined)));
    if (isObject(s.items)) take("items", facts(expand({ file: p.file, schema: s.items, pointer: `${p.pointer}/items` })));
    if (isObject(s.additionalProperties)) {
      take("entries", facts(expand({ file: p.file, schema: s.additionalProperties, pointer: `${p.pointer}/additionalProperties` })));
    }
  }
  return f;
}

// ---------------------------------------------------------------------------------------

describe("built-in schemas: files", () => {
  it("has the root, common definitions and one file per section", () => {
    assert.deepEqual(FILES.map((f) => f.rel), [
      ...["common", ...SECTIONS].sort().map((s) => `sections/${s}.schema.json`),
      "tsk-config.schema.json",
      "tsk-microservices.schema.json",
    ].sort());
  });

  it("declares draft 2020-12 and an $id of tsk-schema://builtin/<path>", () => {
    for (const f of FILES) {
      assert.equal(f.schema.$schema, DRAFT_2020, f.rel);
      assert.equal(f.schema.$id, `${ID_PREFIX}${f.rel}`, f.rel);
      assert.ok(nonEmpty(f.schema.title), `${f.rel} has a title`);
      assert.ok(nonEmpty(f.schema.description) && nonEmpty(f.schema.markdownDescription), `${f.rel} is described`);
    }
  });

  it("maps every section of the root to its file, and lets other top-level keys through", () => {
    const root = byId.get(ROOT_ID)!.schema;
    assert.equal(root.type, "object");
    assert.equal(root.additionalProperties, true);
    assert.deepEqual(root.properties, Object.fromEntries(SECTIONS.map((s) => [s, { $ref: `sections/${s}.schema.json` }])));
    for (const s of SECTIONS) {
      const section = byId.get(`${ID_PREFIX}sections/${s}.schema.json`)!.schema;
      assert.equal(section.type, "object", s);
      if (s === "services") assert.ok(isObject(section.additionalProperties), "services is a map of service objects");
      else assert.equal(section.additionalProperties, false, `${s} reports unknown keys`);
    }
  });

  it("compiles with ajv in strict mode, every section file added", () => {
    const ajv = newAjv();
    const validate = ajv.compile(byId.get(ROOT_ID)!.schema);
    assert.equal(typeof validate, "function");
    for (const f of FILES) assert.ok(ajv.validateSchema(f.schema), `${f.rel}: ${ajv.errorsText(ajv.errors)}`);
  });

  it("refers to nothing outside the built-in schemas: every $ref resolves offline", () => {
    for (const p of everySchema()) {
      for (const key of ["$ref", "$dynamicRef", "$id", "$anchor"]) {
        const v = p.schema[key];
        if (v === undefined) continue;
        assert.equal(typeof v, "string", where(p));
        assert.doesNotMatch(String(v), /^(https?|ftp|file):/i, `${where(p)}: ${key} must not point at the network or the disk`);
      }
      if (typeof p.schema.$ref === "string") resolve(p.schema.$ref, p.file);
      if (p.pointer !== "") assert.equal(p.schema.$schema, undefined, `${where(p)}: $schema only at a file's top`);
    }
  });
});

describe("built-in schemas: documentation", () => {
  const all = everySchema();

  it("gives every property, map entry and branch a description, a markdownDescription and a type", () => {
    let count = 0;
    for (const p of all) {
      if (p.role !== "property" && p.role !== "entry" && p.role !== "branch") continue;
      count++;
      const chain = expand(p);
      const described = chain.find((s) => nonEmpty(s.schema.description));
      const markdown = chain.find((s) => nonEmpty(s.schema.markdownDescription));
      assert.ok(described && markdown, `${where(p)} has a description and a markdownDescription`);
      assert.ok(p.schema.type !== undefined || p.schema.oneOf !== undefined || p.schema.$ref !== undefined, `${where(p)} has a type`);
      if (p.file.id !== ROOT_ID) {
        // Only the root's sections take their description from the file they refer to; below
        // them, a property documents itself (the definitions it refers to carry no description).
        assert.ok(nonEmpty(p.schema.description) && nonEmpty(p.schema.markdownDescription), `${where(p)} is described in place`);
      }
    }
    assert.ok(count > 150, `walked ${count} properties`);
  });

  it("describes each definition's use in place: no $defs entry carries description, default or examples", () => {
    // Hover shows the first description, default and examples along the $ref chain, target
    // first: a described definition would hide what each property says about itself.
    for (const p of all) {
      if (p.role !== "def") continue;
      for (const k of ["description", "markdownDescription", "default", "examples"]) {
        assert.equal(p.schema[k], undefined, `${where(p)} has no ${k}: each property that uses it says its own`);
      }
      assert.ok(nonEmpty(p.schema.$comment), `${where(p)} has a $comment for maintainers`);
    }
  });

  it("documents every enum value with markdownEnumDescriptions of the same length", () => {
    let count = 0;
    for (const p of all) {
      if (!Array.isArray(p.schema.enum)) continue;
      count++;
      const docs = p.schema.markdownEnumDescriptions;
      assert.ok(Array.isArray(docs), `${where(p)} has markdownEnumDescriptions`);
      assert.equal(docs.length, p.schema.enum.length, `${where(p)}: one description per value`);
      for (const d of docs) assert.ok(nonEmpty(d), `${where(p)}: no empty value description`);
      assert.equal(new Set(p.schema.enum.map((v) => JSON.stringify(v))).size, p.schema.enum.length, `${where(p)}: no value twice`);
      assert.ok(p.schema.type !== undefined, `${where(p)}: an enum has a type`);
    }
    assert.ok(count >= 20, `found ${count} enums`);
  });

  it("keeps enums open except where no other value can work: HTTP methods and TLS versions", () => {
    const closed = all.filter((p) => Array.isArray(p.schema.enum) && p.schema["x-tsk-open-enum"] !== true).map(where).sort();
    assert.deepEqual(closed, [
      "sections/common.schema.json#/$defs/corsMethod",
      "sections/common.schema.json#/$defs/httpMethod",
      "sections/security.schema.json#/properties/encryption/properties/in_transit/properties/tls_version",
      "tsk-config.schema.json#/$defs/level",
    ]);
    for (const p of all) {
      if (p.schema["x-tsk-open-enum"] !== undefined) {
        assert.equal(p.schema["x-tsk-open-enum"], true, where(p));
        assert.ok(Array.isArray(p.schema.enum), `${where(p)}: x-tsk-open-enum stands beside its enum`);
      }
      if (p.schema.markdownEnumDescriptions !== undefined) assert.ok(Array.isArray(p.schema.enum), `${where(p)}: markdownEnumDescriptions beside an enum`);
    }
  });

  it("closes every object of a section to unknown keys, or says what its entries are", () => {
    for (const p of all) {
      if (p.file.id === ROOT_ID || !isObject(p.schema.properties)) continue;
      const extra = p.schema.additionalProperties;
      assert.ok(extra === false || isObject(extra), `${where(p)}: additionalProperties is false, or the schema of a map's entries`);
      assert.equal(p.schema.type, "object", `${where(p)}: an object with properties says type: object`);
    }
  });

  it("gives defaults and examples that are valid where they stand", () => {
    const { ajv } = compiled();
    let checked = 0;
    for (const p of all) {
      const values = [...(p.schema.default !== undefined ? [p.schema.default] : []), ...(Array.isArray(p.schema.examples) ? p.schema.examples : [])];
      if (p.schema.examples !== undefined) assert.ok(Array.isArray(p.schema.examples), `${where(p)}: examples is an array`);
      if (values.length === 0) continue;
      const validate = ajv.compile({ $ref: `${p.file.id}#${p.pointer}` });
      for (const v of values) {
        checked++;
        assert.ok(validate(v), `${where(p)}: ${JSON.stringify(v)} fits: ${ajv.errorsText(validate.errors)}`);
      }
    }
    assert.ok(checked > 100, `checked ${checked} values`);
  });

  it("marks the values that name a service with x-tsk-reference: routes, subscribers, depends_on", () => {
    for (const at of ["api_gateway.routes.<path>.service", "events.subscribers.<topic>.service", "services.<name>.depends_on[]"]) {
      const f = facts(schemasAt(at));
      assert.equal(f.reference, "services", at);
      assert.equal(f.type, "string", at);
    }
    const references = everySchema().filter((p) => p.schema["x-tsk-reference"] !== undefined && p.role !== "def").map(where).sort();
    assert.deepEqual(references, [
      "sections/api_gateway.schema.json#/properties/routes/additionalProperties/properties/service",
      "sections/events.schema.json#/properties/subscribers/additionalProperties/properties/service",
      "sections/services.schema.json#/additionalProperties/properties/depends_on/items",
    ]);
  });
});

// ---------------------------------------------------------------------------------------

const guideExample = {
  microservices: {
    discovery: {
      provider: "consul",
      endpoints: ["http://consul1:8500", "http://consul2:8500"],
      health_check_interval: "10s",
      retry_policy: { max_attempts: 5, backoff: "exponential" },
    },
    registry: {
      auto_register: true,
      tags: ["php", "tusklang", "v1"],
      metadata: { version: "1.0.0", region: "us-east-1" },
    },
  },
};

/** A configuration that sets every key of the microservices table (TABLE, below). */
const everyKey = {
  ...guideExample,
  microservices: {
    discovery: {
      ...guideExample.microservices.discovery,
      retry_policy: { max_attempts: 5, backoff: "linear", initial_delay: "100ms", max_delay: "30s" },
      datacenter: "dc1",
      token: "s3cr3t",
      load_balancing: { strategy: "least_connections" },
    },
    registry: guideExample.microservices.registry,
  },
  api_gateway: {
    provider: "kong",
    endpoints: ["http://kong:8000"],
    authentication: "jwt",
    rate_limit: { requests: 1000, window: "1m", burst: 0 },
    cors: {
      allow_origins: ["*"],
      allow_methods: ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"],
      allow_headers: ["Authorization"],
      expose_headers: ["X-Request-Id"],
      allow_credentials: false,
      max_age: 3600,
    },
    routes: {
      "/api/v1/users": {
        service: "users", methods: ["GET", "POST"], authentication: "oauth2",
        rate_limit: { requests: 100, window: "1s" }, timeout: "5s", strip_prefix: true,
      },
    },
  },
  service_mesh: {
    provider: "istio",
    mtls: true,
    tracing: true,
    traffic_policy: { retries: 3, timeout: "5s", circuit_breaker: { max_connections: 100, error_threshold: 0.5 } },
  },
  resilience: {
    circuit_breaker: { threshold: 5, timeout: 30, half_open_max_calls: 3 },
    retry: { max_attempts: 3, backoff: "exponential" },
    fallback: "cached_response",
  },
  distributed_transactions: { pattern: "saga", compensation: true, timeout: "60s", coordination: "orchestration" },
  events: {
    broker: "kafka",
    topics: ["user.created", "order.placed"],
    retry_policy: { max_attempts: 10, backoff: "linear" },
    dead_letter_topic: "events.dead_letter",
    subscribers: { "user.created": { service: "email", group: "email-workers" } },
  },
  security: {
    zero_trust: true,
    mutual_tls: true,
    api_keys: true,
    audit_logging: { enabled: true, retention: "90d", events: ["login"] },
    authentication: { provider: "jwt", algorithm: "RS256" },
    encryption: { in_transit: { tls_version: "1.3" } },
  },
  observability: {
    provider: "jaeger",
    tracing: { enabled: true, sampler: "traceidratio", sampling_rate: 0.1, exporters: ["otlp"] },
    metrics: { enabled: true, exporter: "prometheus", port: 9090, path: "/metrics" },
    logs: { level: "info", format: "json" },
    sampling_rate: 0.1,
  },
  services: {
    users: { url: "http://users:8080", port: 8080, version: "1.0.0", tags: ["core"], health_check: "/health", timeout: "5s", replicas: 2 },
    email: { url: "http://email:8080", depends_on: ["users"] },
  },
  app_name: "not a known section: not checked",
};

/** A copy of `base` with the value at a dotted path replaced (quoted segments may hold dots). */
function withValue(base: unknown, at: string[], value: unknown): unknown {
  const copy = structuredClone(base) as Schema;
  let o: Schema = copy;
  for (const k of at.slice(0, -1)) {
    if (!isObject(o[k])) o[k] = {};
    o = o[k] as Schema;
  }
  o[at[at.length - 1]] = value;
  return copy;
}

const summary = (errors: ErrorObject[]) => errors.map((e) => ({ keyword: e.keyword, instancePath: e.instancePath }));

describe("built-in schemas: validation", () => {
  it("accepts the guide's example with no error", () => {
    assert.deepEqual(errorsOf(guideExample), []);
  });

  it("accepts a configuration with every key of the table, and the other spellings of bool-or-object keys", () => {
    assert.deepEqual(errorsOf(everyKey), []);
    assert.deepEqual(errorsOf({
      security: { audit_logging: true },
      observability: { tracing: true, metrics: true, logs: true },
      resilience: { circuit_breaker: { timeout: "30s" } },
      api_gateway: { cors: { max_age: "1h", allow_methods: ["*"] } },
      microservices: { registry: { metadata: { team: "payments" } } },
    }), []);
    assert.deepEqual(errorsOf({}), []);
  });

  const cases: Array<{ name: string; at: string[]; value: unknown; keyword: string; instancePath: string; also?: string[] }> = [
    { name: "an unknown key under microservices.discovery", at: ["microservices", "discovery", "provdier"], value: "consul", keyword: "additionalProperties", instancePath: "/microservices/discovery" },
    { name: "max_attempts = 0", at: ["microservices", "discovery", "retry_policy", "max_attempts"], value: 0, keyword: "minimum", instancePath: "/microservices/discovery/retry_policy/max_attempts" },
    { name: "a duration in words", at: ["microservices", "discovery", "health_check_interval"], value: "10 seconds", keyword: "format", instancePath: "/microservices/discovery/health_check_interval" },
    { name: "a port of 70000", at: ["services", "users", "port"], value: 70000, keyword: "maximum", instancePath: "/services/users/port" },
    { name: "error_threshold = 1.5", at: ["service_mesh", "traffic_policy", "circuit_breaker", "error_threshold"], value: 1.5, keyword: "maximum", instancePath: "/service_mesh/traffic_policy/circuit_breaker/error_threshold" },
    { name: "an HTTP method that does not exist", at: ["api_gateway", "cors", "allow_methods"], value: ["GET", "FETCH"], keyword: "enum", instancePath: "/api_gateway/cors/allow_methods/1" },
    { name: "a route method in lower case", at: ["api_gateway", "routes", "/api/v1/users", "methods"], value: ["get"], keyword: "enum", instancePath: "/api_gateway/routes/~1api~1v1~1users/methods/0" },
    { name: "an unknown key in a route", at: ["api_gateway", "routes", "/api/v1/users", "servce"], value: "users", keyword: "additionalProperties", instancePath: "/api_gateway/routes/~1api~1v1~1users" },
    { name: "a TLS version that does not exist", at: ["security", "encryption", "in_transit", "tls_version"], value: "1.4", keyword: "enum", instancePath: "/security/encryption/in_transit/tls_version" },
    { name: "a TLS version written as a number", at: ["security", "encryption", "in_transit", "tls_version"], value: 1.3, keyword: "type", instancePath: "/security/encryption/in_transit/tls_version", also: ["enum"] },
    { name: "seconds that are not whole", at: ["resilience", "circuit_breaker", "timeout"], value: 1.5, keyword: "type", instancePath: "/resilience/circuit_breaker/timeout" },
    { name: "negative seconds", at: ["resilience", "circuit_breaker", "timeout"], value: -1, keyword: "minimum", instancePath: "/resilience/circuit_breaker/timeout" },
    { name: "a sampling rate over 1", at: ["observability", "sampling_rate"], value: 2, keyword: "maximum", instancePath: "/observability/sampling_rate" },
    { name: "an endpoint with no scheme", at: ["microservices", "discovery", "endpoints"], value: ["consul1 8500"], keyword: "format", instancePath: "/microservices/discovery/endpoints/0" },
    { name: "a metadata value that is no string", at: ["microservices", "registry", "metadata", "weight"], value: 10, keyword: "type", instancePath: "/microservices/registry/metadata/weight" },
    { name: "negative retries", at: ["service_mesh", "traffic_policy", "retries"], value: -1, keyword: "minimum", instancePath: "/service_mesh/traffic_policy/retries" },
    { name: "a boolean as a string", at: ["security", "mutual_tls"], value: "yes", keyword: "type", instancePath: "/security/mutual_tls" },
    { name: "an unknown key at a section's top", at: ["events", "topic"], value: ["a.b"], keyword: "additionalProperties", instancePath: "/events" },
    { name: "a depends_on that is no list", at: ["services", "email", "depends_on"], value: "users", keyword: "type", instancePath: "/services/email/depends_on" },
  ];
  for (const c of cases) {
    it(`rejects ${c.name} with '${c.keyword}' at ${c.instancePath}`, () => {
      const errors = errorsOf(withValue(everyKey, c.at, c.value));
      const expected = [c.keyword, ...(c.also ?? [])].map((keyword) => ({ keyword, instancePath: c.instancePath }));
      assert.deepEqual(summary(errors), expected);
    });
  }

  it("names the unknown key, and knows the keys it could have meant", () => {
    const [e] = errorsOf(withValue(guideExample, ["microservices", "discovery", "provdier"], "consul"));
    assert.equal((e.params as { additionalProperty: string }).additionalProperty, "provdier");
    assert.ok(Object.keys((e.parentSchema as Schema).properties as Schema).includes("provider"));
    const [f] = errorsOf(withValue(guideExample, ["microservices", "discovery", "health_check_interval"], "10 seconds"));
    assert.equal((f.params as { format: string }).format, "tsk-duration");
  });

  it("reports an unknown value of an open enum as an enum error whose schema is x-tsk-open-enum", () => {
    for (const [at, value] of [
      [["microservices", "discovery", "provider"], "consol"],
      [["api_gateway", "provider"], "haproxy"],
      [["events", "retry_policy", "backoff"], "fibonacci"],
      [["security", "encryption", "at_rest", "algorithm"], "AES-512"],
    ] as Array<[string[], string]>) {
      const errors = errorsOf(withValue(everyKey, at, value));
      assert.deepEqual(summary(errors), [{ keyword: "enum", instancePath: "/" + at.join("/") }], value);
      assert.equal((errors[0].parentSchema as Schema)["x-tsk-open-enum"], true, value);
    }
    // Inside the object branch of a bool-or-object key, the branch fails too: the oneOf and the
    // boolean branch's type error stand on the key, the open enum's error on the value.
    const inBranch = errorsOf(withValue(everyKey, ["observability", "logs", "level"], "verbose"));
    assert.deepEqual(summary(inBranch).filter((e) => e.instancePath === "/observability/logs/level"), [{ keyword: "enum", instancePath: "/observability/logs/level" }]);
    assert.equal((inBranch.find((e) => e.keyword === "enum")!.parentSchema as Schema)["x-tsk-open-enum"], true);
    assert.deepEqual(inBranch.filter((e) => e.instancePath !== "/observability/logs/level").map((e) => e.keyword).sort(), ["oneOf", "type"]);
    const closed = errorsOf(withValue(everyKey, ["api_gateway", "cors", "allow_methods"], ["FETCH"]));
    assert.equal((closed[0].parentSchema as Schema)["x-tsk-open-enum"], undefined, "HTTP methods are a closed list");
  });

  it("fails a bool-or-object key given anything else on its oneOf", () => {
    for (const at of [["security", "audit_logging"], ["observability", "tracing"], ["observability", "metrics"], ["observability", "logs"]]) {
      const errors = errorsOf(withValue(everyKey, at, "yes"));
      const pointer = "/" + at.join("/");
      assert.ok(errors.some((e) => e.keyword === "oneOf" && e.instancePath === pointer), `${pointer}: ${JSON.stringify(summary(errors))}`);
      assert.ok(errors.every((e) => e.instancePath === pointer), pointer);
      const inner = errorsOf(withValue(everyKey, [...at, "unknown_key"], 1));
      assert.ok(inner.some((e) => e.keyword === "additionalProperties" && e.instancePath === pointer), `${pointer} as an object is closed`);
    }
  });
});

// ---------------------------------------------------------------------------------------

const STRING = { type: "string" };
const BOOL = { type: "boolean" };
const DURATION_T = { type: "string", format: "tsk-duration" };
const DURATION_OR_SECONDS = { type: ["string", "integer"], format: "tsk-duration" };
const URI_LIST = { type: "array", items: { type: "string", format: "uri" } };
const STRING_LIST = { type: "array", items: STRING };
const OPEN = (...values: string[]) => ({ type: "string", enum: values, open: true });
const CLOSED = (...values: string[]) => ({ type: "string", enum: values, open: false });
const BOOL_OR_OBJECT = { oneOf: ["boolean", "object"] };
const SERVICE = { type: "string", reference: "services" };
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

/** Every path of the microservices keys table, and what the table says it holds. */
const TABLE: Array<[string, object]> = [
  ["microservices.discovery.provider", OPEN("consul", "etcd", "zookeeper", "eureka", "nacos", "kubernetes", "dns", "static")],
  ["microservices.discovery.endpoints", URI_LIST],
  ["microservices.discovery.health_check_interval", DURATION_T],
  ["microservices.discovery.retry_policy.max_attempts", { type: "integer", minimum: 1 }],
  ["microservices.discovery.retry_policy.backoff", OPEN("exponential", "linear", "fixed", "constant")],
  ["microservices.discovery.retry_policy.initial_delay", DURATION_T],
  ["microservices.discovery.retry_policy.max_delay", DURATION_T],
  ["microservices.discovery.datacenter", STRING],
  ["microservices.discovery.token", STRING],
  ["microservices.discovery.load_balancing.strategy", OPEN("round_robin", "least_connections", "weighted", "random")],
  ["microservices.registry.auto_register", BOOL],
  ["microservices.registry.tags", STRING_LIST],
  ["microservices.registry.metadata", { type: "object", entries: STRING }],
  ["microservices.registry.metadata.version", STRING],
  ["microservices.registry.metadata.region", STRING],
  ["microservices.registry.metadata.<key>", STRING],
  ["api_gateway.provider", OPEN("kong", "aws_api_gateway", "nginx", "traefik", "envoy", "tyk", "apigee", "spring_cloud_gateway")],
  ["api_gateway.endpoints", URI_LIST],
  ["api_gateway.authentication", OPEN("jwt", "oauth2", "api_key", "basic", "mtls", "none")],
  ["api_gateway.rate_limit.requests", { type: "integer", minimum: 1 }],
  ["api_gateway.rate_limit.window", DURATION_T],
  ["api_gateway.rate_limit.burst", { type: "integer", minimum: 0 }],
  ["api_gateway.cors.allow_origins", STRING_LIST],
  ["api_gateway.cors.allow_methods", { type: "array", items: CLOSED(...METHODS) }],
  ["api_gateway.cors.allow_headers", STRING_LIST],
  ["api_gateway.cors.expose_headers", STRING_LIST],
  ["api_gateway.cors.allow_credentials", BOOL],
  ["api_gateway.cors.max_age", DURATION_OR_SECONDS],
  ["api_gateway.routes", { type: "object" }],
  ["api_gateway.routes.<path>", { type: "object" }],
  ["api_gateway.routes.<path>.service", SERVICE],
  ["api_gateway.routes.<path>.methods", { type: "array", items: CLOSED(...METHODS) }],
  ["api_gateway.routes.<path>.authentication", OPEN("jwt", "oauth2", "api_key", "basic", "mtls", "none")],
  ["api_gateway.routes.<path>.rate_limit.requests", { type: "integer", minimum: 1 }],
  ["api_gateway.routes.<path>.rate_limit.window", DURATION_T],
  ["api_gateway.routes.<path>.timeout", DURATION_T],
  ["api_gateway.routes.<path>.strip_prefix", BOOL],
  ["service_mesh.provider", OPEN("istio", "linkerd", "consul_connect", "kuma", "aws_app_mesh", "cilium")],
  ["service_mesh.mtls", BOOL],
  ["service_mesh.tracing", BOOL],
  ["service_mesh.traffic_policy.retries", { type: "integer", minimum: 0 }],
  ["service_mesh.traffic_policy.timeout", DURATION_T],
  ["service_mesh.traffic_policy.circuit_breaker.max_connections", { type: "integer", minimum: 1 }],
  ["service_mesh.traffic_policy.circuit_breaker.error_threshold", { type: "number", minimum: 0, maximum: 1 }],
  ["resilience.circuit_breaker.threshold", { type: "integer", minimum: 1 }],
  ["resilience.circuit_breaker.timeout", DURATION_OR_SECONDS],
  ["resilience.circuit_breaker.half_open_max_calls", { type: "integer", minimum: 1 }],
  ["resilience.retry.max_attempts", { type: "integer", minimum: 1 }],
  ["resilience.retry.backoff", OPEN("exponential", "linear", "fixed", "constant")],
  ["resilience.fallback", STRING],
  ["distributed_transactions.pattern", OPEN("saga", "2pc", "tcc", "outbox")],
  ["distributed_transactions.compensation", BOOL],
  ["distributed_transactions.timeout", DURATION_T],
  ["distributed_transactions.coordination", OPEN("choreography", "orchestration")],
  ["events.broker", OPEN("kafka", "rabbitmq", "nats", "redis", "sqs", "pulsar", "kinesis")],
  ["events.topics", STRING_LIST],
  ["events.retry_policy.max_attempts", { type: "integer", minimum: 1 }],
  ["events.retry_policy.backoff", OPEN("linear", "exponential", "fixed")],
  ["events.dead_letter_topic", STRING],
  ["events.subscribers", { type: "object" }],
  ["events.subscribers.<topic>.service", SERVICE],
  ["events.subscribers.<topic>.group", STRING],
  ["security.zero_trust", BOOL],
  ["security.mutual_tls", BOOL],
  ["security.api_keys", BOOL],
  ["security.audit_logging", BOOL_OR_OBJECT],
  ["security.audit_logging.enabled", BOOL],
  ["security.audit_logging.retention", DURATION_T],
  ["security.audit_logging.events", STRING_LIST],
  ["security.authentication.provider", OPEN("jwt", "oauth2")],
  ["security.authentication.algorithm", OPEN("RS256", "ES256", "HS256")],
  ["security.encryption.in_transit.tls_version", CLOSED("1.2", "1.3")],
  ["observability.tracing", BOOL_OR_OBJECT],
  ["observability.tracing.enabled", BOOL],
  ["observability.tracing.sampler", { type: "string" }],
  ["observability.tracing.sampling_rate", { type: "number", minimum: 0, maximum: 1 }],
  ["observability.tracing.exporters", { type: "array" }],
  ["observability.provider", OPEN("jaeger", "zipkin", "otlp", "x-ray", "datadog", "tempo")],
  ["observability.metrics", BOOL_OR_OBJECT],
  ["observability.metrics.enabled", BOOL],
  ["observability.metrics.exporter", OPEN("prometheus", "statsd", "datadog", "otlp")],
  ["observability.metrics.port", { type: "integer", minimum: 1, maximum: 65535 }],
  ["observability.metrics.path", STRING],
  ["observability.logs", BOOL_OR_OBJECT],
  ["observability.logs.level", { type: "string" }],
  ["observability.logs.format", OPEN("json", "text")],
  ["observability.sampling_rate", { type: "number", minimum: 0, maximum: 1 }],
  ["services", { type: "object" }],
  ["services.<name>", { type: "object" }],
  ["services.<name>.url", { type: "string", format: "uri" }],
  ["services.<name>.port", { type: "integer", minimum: 1, maximum: 65535 }],
  ["services.<name>.version", STRING],
  ["services.<name>.tags", STRING_LIST],
  ["services.<name>.health_check", STRING],
  ["services.<name>.depends_on", { type: "array", items: SERVICE }],
  ["services.<name>.depends_on[]", SERVICE],
  ["services.<name>.timeout", DURATION_T],
  ["services.<name>.replicas", { type: "integer", minimum: 1 }],
];

/** Whether what the schemas say matches what the table expects (enum: every listed value is known). */
function assertFacts(at: string, got: Facts, want: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(want)) {
    const actual = (got as Record<string, unknown>)[k];
    if (k === "enum") {
      assert.ok(Array.isArray(actual), `${at}: has an enum`);
      for (const value of v as unknown[]) assert.ok(actual.includes(value), `${at}: knows the value ${JSON.stringify(value)}`);
    } else if (k === "items" || k === "entries") {
      assert.ok(actual !== undefined, `${at}: has ${k}`);
      assertFacts(`${at} ${k}`, actual as Facts, v as Record<string, unknown>);
    } else {
      assert.deepEqual(actual, v, `${at}: ${k}`);
    }
  }
}

describe("built-in schemas: every key of the microservices table", () => {
  for (const [at, want] of TABLE) {
    it(`defines ${at}`, () => {
      const places = schemasAt(at);
      assertFacts(at, facts(places), want as Record<string, unknown>);
      const documented = places.some((p) => nonEmpty(p.schema.description) && nonEmpty(p.schema.markdownDescription));
      assert.ok(documented, `${at} is documented`);
    });
  }

  it("leaves nothing of the table out of the configuration that sets every key", () => {
    // Each table path that names a fixed key is set in `everyKey`, so the validation tests cover it.
    for (const [at] of TABLE) {
      if (at.includes("<") || at.endsWith("[]")) continue;
      let o: unknown = everyKey;
      for (const seg of at.split(".")) {
        assert.ok(isObject(o), `${at}: everyKey reaches '${seg}'`);
        o = o[seg];
      }
      assert.notEqual(o, undefined, `${at} is set in everyKey`);
    }
  });
});
