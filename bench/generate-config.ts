// One in-memory model of a microservices configuration, from which every format of the bench
// is rendered (render-config.ts), so that TSK, JSON, YAML and TOML hold exactly the same data.
//
// The platform sections (discovery, gateway, mesh, resilience, transactions, events, security,
// observability) appear once, as in a real config; what grows with `services` is what grows in
// real ones: the service catalogue, the gateway's routes, the topics and their subscribers,
// and per-service overrides. Everything under the built-in schema's keys is valid against it
// (no diagnostics), so that LSP timings measure the clean path; `overrides` is a top-level key
// that the schema allows and does not check, and holds the deeper nesting.
import { rng } from "./stats";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject { [key: string]: Json }

/** A comment a renderer writes with a key: on the line above it, or after its value. */
export interface Note { above?: string; trailing?: string }

export interface ConfigModel {
  data: JsonObject;
  /** Comments by owning object and key; JSON has none, the other formats write them all. */
  notes: WeakMap<JsonObject, Map<string, Note>>;
  services: string[];
}

export interface GenerateOptions { services: number; seed?: number }

const DOMAINS = ["users", "orders", "billing", "catalog", "inventory", "payments", "shipping", "search",
  "reviews", "notifications", "auth", "pricing", "recommendations", "analytics", "media", "accounts"];
const TEAMS = ["platform", "commerce", "growth", "identity", "fulfilment", "data", "payments"];
const LANGUAGES = ["go", "java", "kotlin", "node", "python", "rust", "php"];
const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-1"];
const PROTOCOLS = ["http", "https", "grpc"];
const METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH"];
const RESOURCES = ["items", "search", "status", "history", "export", "batch"];
const EVENTS = ["created", "updated", "deleted", "failed", "completed"];
const DURATIONS = ["500ms", "1s", "2s", "3s", "5s", "10s", "30s"];

export function generateConfig(options: GenerateOptions): ConfigModel {
  const random = rng(options.seed ?? 20261124);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const notes = new WeakMap<JsonObject, Map<string, Note>>();
  const note = (owner: JsonObject, key: string, n: Note): void => {
    const m = notes.get(owner) ?? new Map<string, Note>();
    m.set(key, n);
    notes.set(owner, m);
  };

  const names: string[] = [];
  for (let i = 0; i < options.services; i++) names.push(`${DOMAINS[i % DOMAINS.length]}-${Math.floor(i / DOMAINS.length) + 1}`);

  const data: JsonObject = {
    microservices: {
      discovery: {
        provider: "consul",
        endpoints: ["https://consul1:8501", "https://consul2:8501"],
        health_check_interval: "10s",
        retry_policy: { max_attempts: 5, backoff: "exponential", initial_delay: "100ms", max_delay: "10s" },
        datacenter: "dc1",
        namespace: "production",
        timeout: "3s",
        load_balancing: { strategy: "round_robin" },
      },
      registry: {
        auto_register: true,
        tags: ["php", "tusklang", "v1"],
        metadata: { version: "1.0.0", region: "us-east-1", owner: "platform-team" },
        health_check: "/health",
        deregister_on_shutdown: true,
      },
    },
    api_gateway: {
      provider: "kong",
      endpoints: ["https://kong:8443"],
      authentication: "jwt",
      rate_limit: { requests: 1000, window: "1m", burst: 200 },
      cors: {
        allow_origins: ["https://app.example.com", "https://admin.example.com"],
        allow_methods: ["GET", "POST", "PUT", "DELETE"],
        allow_headers: ["Authorization", "Content-Type", "X-Request-Id"],
        allow_credentials: true,
        max_age: "1h",
      },
      routes: {},
      admin_url: "https://kong-admin:8444",
      timeout: "30s",
    },
    service_mesh: {
      provider: "istio",
      mtls: true,
      tracing: true,
      traffic_policy: {
        retries: 3,
        timeout: "5s",
        circuit_breaker: { max_connections: 100, max_pending_requests: 50, error_threshold: 0.5, consecutive_errors: 5, interval: "10s", base_ejection_time: "30s" },
        load_balancer: "least_request",
      },
    },
    resilience: {
      circuit_breaker: { threshold: 5, timeout: 30, half_open_max_calls: 3, success_threshold: 2 },
      retry: { max_attempts: 3, backoff: "exponential", initial_delay: "200ms", max_delay: "5s", multiplier: 2, jitter: true },
      fallback: "cached_response",
      timeout: "10s",
      bulkhead: { max_concurrent_calls: 25, max_wait: "100ms" },
    },
    distributed_transactions: {
      pattern: "saga",
      compensation: true,
      timeout: "60s",
      coordination: "orchestration",
      retry_policy: { max_attempts: 3, backoff: "linear" },
    },
    events: {
      broker: "kafka",
      endpoints: ["kafka-1:9092", "kafka-2:9092", "kafka-3:9092"],
      serialization: "avro",
      topics: [],
      retry_policy: { max_attempts: 10, backoff: "linear" },
      dead_letter_topic: "platform.dead-letter",
      subscribers: {},
    },
    security: {
      zero_trust: true,
      mutual_tls: true,
      api_keys: true,
      audit_logging: { enabled: true, retention: "90d", events: ["login", "config_change", "permission_change"] },
      authentication: { provider: "jwt", algorithm: "RS256", issuer: "https://auth.example.com", audience: "api", token_ttl: "1h" },
      encryption: {
        in_transit: { tls_version: "1.3", cipher_suites: ["TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"] },
        at_rest: { enabled: true, algorithm: "AES-256-GCM", key_rotation: "90d" },
      },
    },
    observability: {
      provider: "jaeger",
      tracing: { enabled: true, sampler: "parentbased_traceidratio", sampling_rate: 0.1, exporters: ["otlp"] },
      metrics: { enabled: true, exporter: "prometheus", port: 9090, path: "/metrics", interval: "15s" },
      logs: { enabled: true, level: "info", format: "json" },
      sampling_rate: 0.1,
      endpoint: "https://jaeger-collector:14268",
      service_name: "platform",
    },
    services: {},
    overrides: {},
  };
  note(data, "microservices", { above: "Service discovery and registration (the guide's example, grown up)." });
  note(data, "api_gateway", { above: "Edge: one gateway in front of every service." });
  note(data, "service_mesh", { above: "East-west traffic." });
  note(data, "services", { above: "The service catalogue: routes, subscribers and depends_on name these." });
  note(data, "overrides", { above: "Per-service overrides of the platform defaults above." });
  const resilience = data.resilience as JsonObject;
  note(resilience.circuit_breaker as JsonObject, "timeout", { trailing: "seconds" });

  const gateway = data.api_gateway as JsonObject;
  const routes = gateway.routes as JsonObject;
  const events = data.events as JsonObject;
  const topics = events.topics as Json[];
  const subscribers = events.subscribers as JsonObject;
  const services = data.services as JsonObject;
  const overrides = data.overrides as JsonObject;

  names.forEach((name, i) => {
    const domain = DOMAINS[i % DOMAINS.length];
    const port = 8000 + (i % 2000);
    // Depends only on earlier services, so that the graph has no cycle.
    const depends = i === 0 ? [] : [...new Set([names[int(0, i - 1)], names[int(0, i - 1)]])];
    const service: JsonObject = {
      url: `https://${name}.internal:${port}`,
      port,
      version: `${int(1, 4)}.${int(0, 20)}.${int(0, 99)}`,
      tags: [domain, pick(LANGUAGES), `tier-${int(1, 3)}`],
      health_check: "/health",
      depends_on: depends,
      timeout: pick(DURATIONS),
      replicas: int(1, 12),
      protocol: pick(PROTOCOLS),
    };
    services[name] = service;
    note(services, name, { above: `${name}: owned by team ${pick(TEAMS)}` });
    if (service.replicas as number > 8) note(service, "replicas", { trailing: "scaled for peak traffic" });

    const resources = [pick(RESOURCES), pick(RESOURCES)].filter((r, k, a) => a.indexOf(r) === k);
    for (const resource of resources) {
      const route: JsonObject = {
        service: name,
        methods: [...new Set([pick(METHODS), pick(METHODS)])],
        timeout: pick(DURATIONS),
        strip_prefix: random() < 0.5,
      };
      if (random() < 0.4) route.rate_limit = { requests: int(10, 500) * 10, window: "1m" };
      if (random() < 0.3) route.authentication = pick(["jwt", "oauth2", "api_key"]);
      routes[`/api/v${int(1, 3)}/${name}/${resource}`] = route;
    }

    const published = [pick(EVENTS), pick(EVENTS)].filter((e, k, a) => a.indexOf(e) === k);
    for (const event of published) {
      const topic = `${name}.${event}`;
      topics.push(topic);
      const consumer = names[int(0, names.length - 1)];
      subscribers[topic] = { service: consumer, group: `${consumer}-workers`, concurrency: int(1, 16) };
    }

    overrides[name] = {
      discovery: {
        health_check_interval: pick(DURATIONS),
        tags: [pick(REGIONS), `team-${pick(TEAMS)}`],
        metadata: { region: pick(REGIONS), canary: random() < 0.2 },
      },
      resilience: {
        circuit_breaker: { threshold: int(2, 10), timeout: int(5, 60) },
        retry: { max_attempts: int(1, 5), backoff: pick(["exponential", "linear", "fixed"]) },
      },
      mesh: { retries: int(0, 4), timeout: pick(DURATIONS), weight: int(1, 100) },
      observability: { sampling_rate: Math.round(random() * 100) / 100, log_level: pick(["debug", "info", "warn"]) },
      resources: {
        cpu: `${int(1, 8) * 250}m`,
        memory: `${int(1, 16) * 256}Mi`,
        env: { LOG_FORMAT: "json", REGION: pick(REGIONS), POOL_SIZE: int(5, 50) },
      },
    };
  });
  return { data, notes, services: names };
}
