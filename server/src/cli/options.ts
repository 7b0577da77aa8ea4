// Reading a command's arguments: `--name value`, `--name=value`, flags, `-` (standard input)
// and `--` (what follows is a path, even when it starts with '-').
import { shownText } from "../syntax/shown-text";

export type OptionKinds = Record<string, "flag" | "value">;

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  positional: string[];
}

/** The arguments read, or the message for a wrong command line. */
export function parseOptions(args: string[], kinds: OptionKinds): Parsed | { error: string } {
  const parsed: Parsed = { flags: new Set(), values: new Map(), positional: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") {
      parsed.positional = parsed.positional.concat(args.slice(i + 1));
      break;
    }
    if (!a.startsWith("-") || a === "-") {
      parsed.positional.push(a);
      continue;
    }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    const kind = kinds[name];
    if (kind === undefined) return { error: `unknown option '${shownText(a)}'` };
    if (kind === "flag") {
      if (eq > 0) return { error: `${name} takes no value` };
      parsed.flags.add(name);
    } else {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return { error: `${name} needs a value` };
      parsed.values.set(name, value);
    }
  }
  return parsed;
}
