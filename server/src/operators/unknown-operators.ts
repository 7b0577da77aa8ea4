// `unknown-operator`: a called operator the catalogue does not know. Near a known name it is
// likely a typo (a warning, with the name to change to); otherwise it may be an operator an
// SDK lets users define (the PHP and Rust docs show how), so only a hint.
import type { Body, Expression } from "../syntax/nodes";
import { forEachStatement } from "../syntax/syntax-tree";
import { forEachExpression } from "../syntax/expression-walk";
import type { Diagnostic } from "../diagnostics/diagnostic";
import { didYouMean } from "../schemas/did-you-mean";
import { operatorNamed, operatorNames } from "./catalogue";

/**
 * Only calls are judged, `@name(…)` and `@name.method(…)`: a bare `@name` or `@name.field` is a
 * variable in the PHP runtime (`@user.name`), and `@file.tsk.get(…)` reads another file.
 */
export function unknownOperators(body: Body, bodyStart: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  forEachStatement(body, bodyStart, (s, at) => {
    const value = s.kind === "assignment" ? s.value : s.kind === "expression" ? s.expression : null;
    if (!value) return;
    forEachExpression(value, (e) => {
      if (e.kind !== "call") return;
      const head = calledOperator(e.callee);
      if (head && !operatorNamed(head.name)) out.push(unknown(head.name, at + head.start + 1));
    });
  });
  return out;
}

function calledOperator(callee: Expression): { name: string; start: number } | null {
  if (callee.kind === "operator") return callee;
  if (callee.kind === "member" && callee.object.kind === "operator" && callee.name !== "tsk") return callee.object;
  return null;
}

/** On the name, not the `@`: the quick fix replaces the name. */
function unknown(name: string, start: number): Diagnostic {
  const range = { start, end: start + name.length };
  const near = nearName(name);
  if (near) {
    return { ...range, severity: "warning", code: "unknown-operator", message: `unknown operator '@${name}': did you mean '@${near}'?`, data: { replacement: near } };
  }
  return { ...range, severity: "hint", code: "unknown-operator", message: `unknown operator '@${name}': no TuskLang SDK implements it and no doc names it (an operator of your own?)` };
}

/**
 * The catalogue holds many names of two and three letters (`@if`, `@ai`, `@sms`, `@xml`): one
 * edit turns another short word into one of them (`@ml`, `@int`, `@kms` of the docs' own
 * examples). So a short name is near only when its letters are the same, reordered (`@evn`).
 */
function nearName(name: string): string | undefined {
  const near = didYouMean(name, operatorNames());
  if (near === undefined || name.length >= 4) return near;
  const letters = (s: string) => [...s.toLowerCase()].sort().join("");
  return letters(near) === letters(name) ? near : undefined;
}
