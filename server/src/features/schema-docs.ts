// How a key's schema reads in a hover or a completion item: description, type, default,
// examples, allowed values.
import type { Located } from "../schemas/schema-navigation";

function first<T>(schemas: Located[], pick: (s: Record<string, unknown>) => T | undefined): T | undefined {
  for (const s of schemas) {
    const v = pick(s.schema);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function description(schemas: Located[]): string | undefined {
  return first(schemas, (s) => (typeof s.markdownDescription === "string" ? s.markdownDescription : undefined)) ??
    first(schemas, (s) => (typeof s.description === "string" ? s.description : undefined));
}

export function typeText(schemas: Located[]): string | undefined {
  const types = new Set<string>();
  for (const s of schemas) {
    const t = s.schema.type;
    for (const x of Array.isArray(t) ? t : t === undefined ? [] : [t]) types.add(String(x));
    if (s.schema.format === "tsk-duration") types.add("duration");
    if (s.schema.format === "uri") types.add("URI");
  }
  if (types.has("duration")) types.delete("string");
  if (types.has("URI")) types.delete("string");
  return types.size > 0 ? [...types].join(" | ") : undefined;
}

export function defaultValue(schemas: Located[]): unknown {
  return first(schemas, (s) => ("default" in s ? s.default : undefined));
}

export function examples(schemas: Located[]): unknown[] {
  return first(schemas, (s) => (Array.isArray(s.examples) ? s.examples : undefined)) ?? [];
}

export interface EnumValue { value: unknown; doc?: string }

export function enumValues(schemas: Located[]): EnumValue[] {
  const out: EnumValue[] = [];
  const seen = new Set<string>();
  for (const s of schemas) {
    const values = s.schema.enum;
    if (!Array.isArray(values)) continue;
    const docs = (s.schema.markdownEnumDescriptions ?? s.schema.enumDescriptions) as unknown;
    values.forEach((v, i) => {
      const key = JSON.stringify(v);
      if (seen.has(key)) return;
      seen.add(key);
      const doc = Array.isArray(docs) && typeof docs[i] === "string" ? (docs[i] as string) : undefined;
      out.push({ value: v, doc });
    });
  }
  return out;
}

export function isOpenEnum(schemas: Located[]): boolean {
  return schemas.some((s) => s.schema["x-tsk-open-enum"] === true);
}

/** A TSK literal for a JSON value, as it would be written after `=`. */
export function tskLiteral(v: unknown, depth = 0): string {
  if (typeof v === "string") return JSON.stringify(v);
  // A schema's default may nest as deep as its author likes: past a few levels, "…".
  if (depth > 8 && v !== null && typeof v === "object") return "…";
  if (Array.isArray(v)) return `[${v.map((x) => tskLiteral(x, depth + 1)).join(", ")}]`;
  if (v !== null && typeof v === "object") return `{ ${Object.entries(v).map(([k, x]) => `${k} = ${tskLiteral(x, depth + 1)}`).join(", ")} }`;
  return String(v);
}

/** The markdown a hover shows for a key. */
export function keyMarkdown(title: string, schemas: Located[]): string {
  const parts = [`**${title}**`];
  const d = description(schemas);
  if (d) parts.push(d);
  const facts: string[] = [];
  const t = typeText(schemas);
  if (t) facts.push(`Type: \`${t}\``);
  const def = defaultValue(schemas);
  if (def !== undefined) facts.push(`Default: \`${tskLiteral(def)}\``);
  const ex = examples(schemas);
  if (ex.length > 0) facts.push(`Example${ex.length > 1 ? "s" : ""}: ${ex.slice(0, 3).map((x) => `\`${tskLiteral(x)}\``).join(", ")}`);
  if (facts.length > 0) parts.push(facts.join("  \n"));
  const values = enumValues(schemas);
  if (values.length > 0) {
    const head = isOpenEnum(schemas) ? "Known values (others are allowed, with a warning):" : "Allowed values:";
    parts.push(head + "\n" + values.map((v) => `- \`${tskLiteral(v.value)}\`${v.doc ? `: ${v.doc}` : ""}`).join("\n"));
  }
  return parts.join("\n\n");
}
