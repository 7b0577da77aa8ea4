// Walking the expressions of a value, and where the brackets of the bracketed ones are: what
// formatting, folding and the outline need of a value's shape.
import type { Expression } from "./nodes";

/** The offsets (relative, like the expression's) of a bracketed expression's `(`, `[` or `{`, and its closer. */
export function bracketsOf(e: Expression): { open: number; close: number } | null {
  switch (e.kind) {
    case "array":
    case "object":
    case "paren":
      return { open: e.start, close: e.end - 1 };
    case "call":
      return { open: e.callee.end, close: e.end - 1 };
    default:
      return null;
  }
}

/** Every expression under `root`, parents first; iterative, for deep nesting. */
export function forEachExpression(root: Expression, visit: (e: Expression) => void): void {
  const stack: Expression[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    visit(e);
    switch (e.kind) {
      // Pushed one by one: a spread passes every element as an argument, and 130,000 overflow the stack.
      case "array": for (const x of e.elements) stack.push(x); break;
      case "object": for (const m of e.members) stack.push(m.value); break;
      case "call": stack.push(e.callee); for (const x of e.args) stack.push(x); break;
      case "member": stack.push(e.object); break;
      case "index": stack.push(e.object, e.index); break;
      case "unary": stack.push(e.operand); break;
      case "binary": stack.push(e.left, e.right); break;
      case "ternary": stack.push(e.test, e.then, e.else); break;
      case "paren": stack.push(e.expression); break;
      default: break;
    }
  }
}
