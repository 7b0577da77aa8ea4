// What TSK's @operators do, for completion and hover. Drawn from TuskLang's documentation
// and the corpus; an operator not listed here is still valid syntax, just undocumented.

export interface OperatorDoc { name: string; signature: string; doc: string; snippet: string }

export const OPERATORS: readonly OperatorDoc[] = [
  { name: "env", signature: "@env(name, default?)", doc: "The environment variable `name`, or `default` when it is not set.", snippet: 'env("${1:NAME}", ${2:"default"})' },
  { name: "date", signature: "@date(format)", doc: "The current date and time in a PHP-style format, e.g. `@date(\"Y-m-d H:i:s\")`.", snippet: 'date("${1:Y-m-d}")' },
  { name: "cache", signature: "@cache(ttl, value)", doc: "`value`, computed once and kept for `ttl` (a duration such as `\"5m\"`).", snippet: 'cache("${1:5m}", ${2:value})' },
  { name: "query", signature: "@query(sql, ...params)", doc: "The result of a database query. Chain calls on `@query(\"Table\")`: `.where(field, value)`, `.find()`, `.count()`.", snippet: 'query("${1:SELECT 1}")' },
  { name: "file", signature: "@file(path)", doc: "The contents of the file at `path`.", snippet: 'file("${1:path}")' },
  { name: "json", signature: "@json(value)", doc: "`value` as a JSON response (in `#!api` files).", snippet: "json({ $1 })" },
  { name: "request", signature: "@request.field", doc: "The current HTTP request (in `#!api` files): `@request.method`, `.query.name`, `.body`, `.headers.name`, `.ip`.", snippet: "request.${1:query}" },
  { name: "metrics", signature: "@metrics(name, value)", doc: "Records `value` under the metric `name` and returns it.", snippet: 'metrics("${1:name}", ${2:1})' },
  { name: "optimize", signature: "@optimize(name, initial)", doc: "A value tuned over time under `name`, starting at `initial`.", snippet: 'optimize("${1:name}", ${2:initial})' },
  { name: "learn", signature: "@learn(name, default)", doc: "A value learnt from use under `name`, `default` until then.", snippet: 'learn("${1:name}", ${2:default})' },
  { name: "feature", signature: "@feature(name)", doc: "Whether the feature flag `name` is on.", snippet: 'feature("${1:name}")' },
  { name: "import", signature: "@import(path)", doc: "Makes the file at `path` (relative to this one) part of this file's scope: its globals can be used here.", snippet: 'import("${1:shared.tsk}")' },
  { name: "include", signature: "@include(path)", doc: "Same as `@import`: the file at `path` joins this file's scope.", snippet: 'include("${1:shared.tsk}")' },
  { name: "graphql", signature: "@graphql(query, variables?, options?)", doc: "The result of a GraphQL query.", snippet: 'graphql("${1:{ }}")' },
  { name: "render", signature: "@render(template, values)", doc: "A template rendered with `values` (in `#!api` files).", snippet: 'render("${1:template}", { $2 })' },
  { name: "php", signature: "@php(code)", doc: "The result of PHP code, in the PHP runtime only.", snippet: 'php("${1:code}")' },
  { name: "hash", signature: "@hash(value)", doc: "A hash of `value`.", snippet: "hash(${1:value})" },
];

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

export function operatorDoc(name: string): OperatorDoc | undefined {
  return BY_NAME.get(name);
}

/** `@name.tsk.get("key")`: reads `key` of `name.tsk`. */
export const FILE_READ_DOC = "Reads the value at the key path of another config file: `@config.tsk.get(\"database.host\")` reads `database.host` of `config.tsk`, searched in this file's folder, then `./config`, `..` and `../config`.";
