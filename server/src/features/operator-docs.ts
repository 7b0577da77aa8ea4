// An operator as completion and hover show it: its signature, a snippet to insert, and its
// documentation in Markdown, from the catalogue.
import { SDKS, type Operator, type OperatorParam } from "../operators/catalogue";

/** `@name.tsk.get("key")`: reads `key` of `name.tsk`. */
export const FILE_READ_DOC = "Reads the value at the key path of another config file: `@config.tsk.get(\"database.host\")` reads `database.host` of `config.tsk`, searched in this file's folder, then `./config`, `..` and `../config`.";

/** `@env(name, default?)`, `@query(sql, ...params)`, `@request.field`, `@toml.parse(value)`. */
export function operatorSignature(op: Operator): string {
  if (op.form === "bare") return `@${op.name}`;
  if (op.form === "member") return `@${op.name}.${op.params.map((p) => p.name).join(".")}`;
  const args = op.params.map((p) => `${p.variadic ? "..." : ""}${p.name}${p.optional && !p.variadic ? "?" : ""}`).join(", ");
  return `@${op.name}${op.methods ? `.${op.methods[0]}` : ""}(${args})`;
}

/** What completion inserts, `@` included: a placeholder per required parameter, quoted where it takes text. */
export function operatorSnippet(op: Operator): string {
  if (op.form === "bare") return `@${op.name}`;
  let n = 1;
  if (op.form === "member") return `@${op.name}.\${${n}:${op.params[0]?.name ?? "field"}}`;
  const method = op.methods ? `.\${${n++}|${op.methods.join(",")}|}` : "";
  const args = op.params.filter((p) => !p.optional).map((p) => placeholder(p, n++));
  return `@${op.name}${method}(${args.join(", ")})`;
}

function placeholder(p: OperatorParam, n: number): string {
  const text = `\${${n}:${p.name}}`;
  return p.type === "string" || p.type === "duration" ? `"${text}"` : text;
}

/** Hover: everything the catalogue says. Completion leaves out the signature (its detail) and the notes. */
export function operatorMarkdown(op: Operator, full: boolean): string {
  const parts: string[] = [];
  if (full) parts.push(`\`${operatorSignature(op)}\``);
  parts.push(op.description);
  if (op.params.length > 0) parts.push(op.params.map((p) => `- \`${p.name}\`${p.optional ? " (optional)" : ""}: ${p.doc}`).join("\n"));
  parts.push(`Returns ${op.returns}.`);
  parts.push("```tsk\n" + op.example + "\n```");
  parts.push(implementers(op));
  if (full && op.notes) parts.push(op.notes.map((n) => `- ${n}`).join("\n"));
  if (full && op.docs.length > 0) parts.push(`Docs: ${op.docs.map((d) => `\`${d}\``).join(", ")}`);
  return parts.join("\n\n");
}

function implementers(op: Operator): string {
  if (op.implementedBy.length === 0) return "**No TuskLang SDK implements this operator.**";
  return `Implemented by: ${op.implementedBy.map((id) => SDKS[id]?.name ?? id).join(", ")}.`;
}
