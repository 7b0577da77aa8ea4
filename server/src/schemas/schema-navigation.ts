// Walking a schema along a path: what completion and hover ask ("which keys may stand here,
// and what does this one mean?"). Follows $ref, allOf/anyOf/oneOf, properties,
// patternProperties, additionalProperties and items, and never loops on $ref cycles.
import { resolveUri, stripFragment, type JsonSchema, type SchemaStore } from "./schema-store";
import type { Path } from "../paths/path";
import { pointerSegments } from "./instance";
import { PatternCache } from "./linear-patterns";

export type SchemaObject = { [k: string]: unknown };

/** A schema and the URI of the document it lives in (for resolving its $refs). */
export interface Located { schema: SchemaObject; base: string }

const MAX_DEPTH = 32;

/** Keywords whose values are schemas, or maps or lists of them. */
const SUBSCHEMA_KEYWORDS = [
  "properties", "patternProperties", "additionalProperties", "items", "prefixItems", "additionalItems",
  "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "contains", "dependentSchemas",
  "unevaluatedProperties", "unevaluatedItems", "propertyNames",
];

export class SchemaNavigator {
  private readonly holds = new WeakMap<object, Map<string, boolean>>();
  /** patternProperties' patterns, run in linear time: a schema's pattern may be `^(a+)+$`. */
  private readonly patterns = new PatternCache();

  constructor(private readonly store: SchemaStore) {}

  /**
   * Whether `keyword` stands in these schemas or anywhere below them: a walk of the instance
   * that looks for it (references to services, say) can skip every subtree where it cannot be.
   */
  mayHold(schemas: Located[], keyword: string): boolean {
    return schemas.some((s) => this.holdsBelow(s, keyword, 0));
  }

  private holdsBelow(s: Located, keyword: string, depth: number): boolean {
    let memo = this.holds.get(s.schema);
    if (!memo) this.holds.set(s.schema, (memo = new Map()));
    const known = memo.get(keyword);
    if (known !== undefined) return known;
    // While a schema is being looked into (a $ref cycle), or past the depth limit, assume yes:
    // a walk that looks too far only costs time; one that skips a place misses a reference.
    if (depth > MAX_DEPTH) return true;
    memo.set(keyword, true);
    let found = keyword in s.schema;
    const visit = (x: unknown, base: string) => {
      if (!found && x && typeof x === "object") found = this.holdsBelow({ schema: x as SchemaObject, base: baseOf(x as SchemaObject, base) }, keyword, depth + 1);
    };
    if (!found && typeof s.schema.$ref === "string") {
      const target = this.resolveRef(s.schema.$ref, s.base);
      if (target) visit(target.schema, target.base);
    }
    for (const k of SUBSCHEMA_KEYWORDS) {
      if (found) break;
      const v = s.schema[k];
      if (Array.isArray(v)) v.forEach((x) => visit(x, s.base));
      else if (v && typeof v === "object" && (k === "properties" || k === "patternProperties" || k === "dependentSchemas")) {
        for (const x of Object.values(v)) visit(x, s.base);
      } else visit(v, s.base);
    }
    memo.set(keyword, found);
    return found;
  }

  /** The root schema of a document, or null when it is not loaded. */
  root(uri: string): Located | null {
    const doc = this.store.get(uri);
    if (!doc || typeof doc.schema !== "object") return null;
    return { schema: doc.schema, base: doc.uri };
  }

  /** Every schema that applies at `path` below `roots` (branches of anyOf/oneOf included). */
  at(roots: Located[], path: Path): Located[] {
    let current = dedupe(roots.flatMap((r) => this.expand(r)));
    for (const segment of path) {
      current = this.step(current, segment);
      if (current.length === 0) break;
    }
    return current;
  }

  /** From the (expanded) schemas of a place to those of its child `segment`. */
  step(current: Located[], segment: string | number): Located[] {
    // A thousand services step through the same schemas: the answer for a name no schema
    // lists (additionalProperties) or for an array index past prefixItems is the same for all.
    const key = this.stepKey(current, segment);
    const memo = this.steps.get(key);
    if (memo) return memo;
    // Frozen: one answer is handed to every caller that asks the same.
    const next = Object.freeze(this.computeStep(current, segment)) as Located[];
    this.steps.set(key, next);
    return next;
  }

  private readonly steps = new Map<string, Located[]>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 0;

  /** What decides `step`'s answer: the schemas, and the segment unless no schema singles it out. */
  private stepKey(current: Located[], segment: string | number): string {
    let key = "";
    let generic = true;
    for (const s of current) {
      let id = this.ids.get(s.schema);
      if (id === undefined) this.ids.set(s.schema, (id = this.nextId++));
      key += `${id}@${s.base},`;
      const sc = s.schema;
      if (typeof segment === "number") {
        if (Array.isArray(sc.prefixItems) || Array.isArray(sc.items)) generic = false;
      } else if ((sc.properties && typeof sc.properties === "object" && Object.prototype.hasOwnProperty.call(sc.properties, segment)) || sc.patternProperties) {
        generic = false;
      }
    }
    if (this.steps.size > 100_000) this.steps.clear();
    return generic ? `${key}|*${typeof segment}` : `${key}|${typeof segment}:${segment}`;
  }

  private computeStep(current: Located[], segment: string | number): Located[] {
    const next: Located[] = [];
    for (const s of current) {
      for (const child of this.child(s, segment)) pushAll(next, this.expand(child));
    }
    return dedupe(next);
  }

  /** The properties a key may have at an object with these schemas: name → its schemas. */
  properties(schemas: Located[]): Map<string, Located[]> {
    const out = new Map<string, Located[]>();
    for (const s of schemas) {
      const props = s.schema.properties;
      if (!props || typeof props !== "object") continue;
      for (const [name, sub] of Object.entries(props as Record<string, JsonSchema>)) {
        if (typeof sub !== "object") continue;
        const list = out.get(name) ?? [];
        pushAll(list, this.expand({ schema: sub as SchemaObject, base: s.base }));
        out.set(name, list);
      }
    }
    return out;
  }

  /** `$ref` followed, and allOf/anyOf/oneOf branches added, recursively. */
  expand(s: Located, depth = 0, seen = new Set<unknown>()): Located[] {
    if (depth > MAX_DEPTH || seen.has(s.schema)) return [];
    seen.add(s.schema);
    const out: Located[] = [];
    const ref = s.schema.$ref;
    if (typeof ref === "string") {
      const target = this.resolveRef(ref, s.base);
      if (target) pushAll(out, this.expand(target, depth + 1, seen));
    }
    out.push(s);
    for (const k of ["allOf", "anyOf", "oneOf"]) {
      const branches = s.schema[k];
      if (!Array.isArray(branches)) continue;
      for (const b of branches) {
        if (b && typeof b === "object") pushAll(out, this.expand({ schema: b as SchemaObject, base: baseOf(b as SchemaObject, s.base) }, depth + 1, seen));
      }
    }
    return out;
  }

  resolveRef(ref: string, base: string): Located | null {
    const uri = resolveUri(ref, base);
    const hash = uri.indexOf("#");
    const docUri = stripFragment(uri);
    // A document is known by its location, not its `$id` (schema-store.ts); a `$ref` by the
    // `$id` of the document it stands in leads to that document all the same.
    const own = this.store.get(base);
    const doc = this.store.get(docUri) ?? (own && own.id === docUri ? own : undefined);
    if (!doc || typeof doc.schema !== "object") return null;
    let node: unknown = doc.schema;
    if (hash >= 0 && uri.length > hash + 1) {
      const fragment = decodeURIComponent(uri.slice(hash + 1));
      if (!fragment.startsWith("/")) return null;
      for (const key of pointerSegments(fragment)) {
        if (!node || typeof node !== "object") return null;
        node = (node as Record<string, unknown>)[key];
      }
    }
    if (!node || typeof node !== "object") return null;
    return { schema: node as SchemaObject, base: doc.uri };
  }

  private child(s: Located, segment: string | number): Located[] {
    const out: Located[] = [];
    const sub = (x: unknown) => {
      if (x && typeof x === "object") out.push({ schema: x as SchemaObject, base: baseOf(x as SchemaObject, s.base) });
    };
    const schema = s.schema;
    if (typeof segment === "number") {
      const prefix = schema.prefixItems;
      if (Array.isArray(prefix) && segment < prefix.length) sub(prefix[segment]);
      else if (Array.isArray(schema.items) && segment < schema.items.length) sub(schema.items[segment]);
      else sub(Array.isArray(schema.items) ? schema.additionalItems : schema.items);
      return out;
    }
    const props = schema.properties as Record<string, unknown> | undefined;
    if (props && Object.prototype.hasOwnProperty.call(props, segment)) {
      sub(props[segment]);
      return out;
    }
    const patterns = schema.patternProperties as Record<string, unknown> | undefined;
    let matched = false;
    for (const [pattern, x] of Object.entries(patterns ?? {})) {
      if (this.patterns.matches(pattern, segment)) { sub(x); matched = true; }
    }
    if (!matched) sub(schema.additionalProperties);
    return out;
  }
}

function baseOf(schema: SchemaObject, base: string): string {
  return typeof schema.$id === "string" ? resolveUri(schema.$id, base) : base;
}

function dedupe(list: Located[]): Located[] {
  const seen = new Set<unknown>();
  return list.filter((l) => (seen.has(l.schema) ? false : (seen.add(l.schema), true)));
}

/** What a person reads about a schema: markdown if given, else the plain description. */
export function describe(schemas: Located[]): string | undefined {
  for (const s of schemas) {
    const md = s.schema.markdownDescription;
    if (typeof md === "string" && md) return md;
    const d = s.schema.description;
    if (typeof d === "string" && d) return d;
  }
  return undefined;
}

/** Every item of `items` pushed onto `list`, one by one: a spread passes each as an argument, and a long list overflows the stack. */
function pushAll<T>(list: T[], items: readonly T[]): void {
  for (const x of items) list.push(x);
}
