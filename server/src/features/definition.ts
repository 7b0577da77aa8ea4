// Go to definition: where a `$global`, a key read through `@name.tsk.get`, a bare-word
// reference, a service name, or an imported or read file is defined. Targets are keys (the
// name's own range), or a file's start.
import { formatPath, type Path } from "../paths/path";
import type { WorkspaceIndex } from "../workspace/workspace-index";
import { definitionsOf, principalDefinition } from "../workspace/file-summary";
import { fileLocation, locationOf, type Location } from "./location";
import { symbolAt } from "./symbol-at";

export function findDefinition(index: WorkspaceIndex, file: string, offset: number): Location[] {
  const symbol = symbolAt(index, file, offset);
  if (!symbol) return [];
  switch (symbol.kind) {
    case "file":
      return symbol.file ? [fileLocation(symbol.file)] : [];
    case "global": {
      if (symbol.declaration || !symbol.definedIn) return [];
      // A global given twice has the later value: that is where it is defined.
      const defs = index.lookup(symbol.definedIn)?.globals.filter((g) => g.name === symbol.name) ?? [];
      const last = defs[defs.length - 1];
      return last ? located(index, symbol.definedIn, last) : [];
    }
    case "key": {
      if (symbol.declaration || !symbol.file) return [];
      return keyLocation(index, symbol.file, symbol.path);
    }
    case "member": {
      if (symbol.declaration) return [];
      const key = [symbol.target, symbol.name];
      // Read through a file: the member of that file (or what it imports).
      if (symbol.read) {
        const target = index.resolution.readTarget(file, symbol.read.file);
        const owner = target ? index.resolution.keyOwner(target, key) : null;
        return owner ? keyLocation(index, owner, key) : [];
      }
      // Named by a value: every file that defines it.
      const out: Location[] = [];
      for (const f of index.definersOf(formatPath(key))) for (const l of keyLocation(index, f, key)) out.push(l);
      return out;
    }
  }
}

function keyLocation(index: WorkspaceIndex, file: string, key: Path): Location[] {
  const s = index.lookup(file);
  const def = s ? principalDefinition(definitionsOf(s, key)) : null;
  return def ? located(index, file, def) : [];
}

function located(index: WorkspaceIndex, file: string, span: { start: number; end: number }): Location[] {
  const l = locationOf(index, file, span.start, span.end);
  return l ? [l] : [];
}

