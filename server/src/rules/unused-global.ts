// A $global nothing reads is dead configuration, or a reader that misspells it.
import { forEachStatement } from "../syntax/syntax-tree";
import type { Expression } from "../syntax/nodes";
import type { Rule } from "./rule";

/** peanut.tsk and peanu.tsk exist to be read by other files: their globals are not unused. */
const SHARED = /(^|[\\/])peanut?\.tsk$/;

export const unusedGlobal: Rule = {
  code: "unused-global",
  severity: "hint",
  description: "A `$global` that nothing reads (shown faded).",
  check({ tree, index, fileName }) {
    if (fileName && SHARED.test(fileName)) return [];
    const used = new Set<string>();
    forEachStatement(tree.root, 0, (s) => {
      if (s.kind === "assignment" && s.value) collectGlobals(s.value, used);
      else if (s.kind === "expression" || s.kind === "import") collectGlobals(s.expression, used);
    });
    return index.definitions
      .filter((d) => d.global && !used.has(String(d.path[0])))
      .map((d) => ({ start: d.keyStart, end: d.keyEnd, message: `$${d.path[0]} is never read`, tags: ["unnecessary" as const] }));
  },
};

function collectGlobals(e: Expression, out: Set<string>): void {
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    switch (x.kind) {
      case "global": out.add(x.name); break;
      case "member": stack.push(x.object); break;
      case "call": stack.push(x.callee, ...x.args); break;
      case "index": stack.push(x.object, x.index); break;
      case "unary": stack.push(x.operand); break;
      case "binary": stack.push(x.left, x.right); break;
      case "ternary": stack.push(x.test, x.then, x.else); break;
      case "paren": stack.push(x.expression); break;
      case "array": for (const el of x.elements) stack.push(el); break;
      case "object": for (const m of x.members) stack.push(m.value); break;
      default: break;
    }
  }
}
