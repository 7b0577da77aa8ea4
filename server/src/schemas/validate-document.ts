// Validating a document against the schemas associated with it.
import type { Diagnostic } from "../diagnostics/diagnostic";
import { escapeInvisible, shownText } from "../syntax/shown-text";
import type { Association } from "./schema-association";
import type { Instance } from "./instance";
import { schemaDiagnostics } from "./schema-diagnostics";
import type { Validator } from "./validator";
import { BUILTIN_ROOT } from "./schema-store";

export function validateInstance(instance: Instance, association: Association, validator: Validator): Diagnostic[] {
  const out: Diagnostic[] = [...association.problems];
  const at = association.directive ?? { start: 0, end: 0 };
  for (const uri of association.schemas) {
    const compiled = validator.compile(uri);
    if (!compiled.validate) {
      out.push({ ...at, severity: "warning", code: "broken-schema", message: escapeInvisible(`schema ${uri} is not used: ${compiled.error}`) });
      continue;
    }
    if (compiled.unchecked.length > 0) out.push({ ...at, severity: "warning", code: "unchecked-pattern", message: uncheckedMessage(uri, compiled.unchecked) });
    try {
      if (!compiled.validate(instance.value) && compiled.validate.errors) {
        for (const d of schemaDiagnostics(compiled.validate.errors, instance, uri === BUILTIN_ROOT)) out.push(d);
      }
    } catch (e) {
      const why = e instanceof RangeError ? "it refers to itself without end" : (e as Error).message;
      out.push({ ...at, severity: "warning", code: "broken-schema", message: escapeInvisible(`schema ${uri} could not check this file: ${why}`) });
    }
  }
  return out;
}

function uncheckedMessage(uri: string, unchecked: { pattern: string; why: string }[]): string {
  const more = unchecked.length > 1 ? ` (and ${unchecked.length - 1} more)` : "";
  return escapeInvisible(`schema ${uri}: the pattern '${shownText(unchecked[0].pattern)}'${more} is not checked: ${unchecked[0].why}`);
}
