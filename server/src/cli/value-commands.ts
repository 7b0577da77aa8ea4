// `tsk get FILE PATH` and `tsk export FILE`: the file's value tree, as the path model resolves
// every spelling (sections, blocks, objects, dotted keys; the later of two values wins), what
// a deploy script reads. A value computed when the configuration is loaded (`@env(…)`, `$a + 1`,
// a `$global` of another file) has no value here: `get` of it fails, and `export` writes null for
// it and names it on stderr. Strings go to a terminal escaped; to a pipe, as they are.
import { parse } from "../syntax/syntax-tree";
import { buildInstance, pointer, type Json } from "../schemas/instance";
import { parsePath, formatPath, type PathSegment } from "../paths/path";
import { MAX_CONFIG_BYTES, readTextFile } from "../files/read-file";
import { decodeText } from "../files/text-encoding";
import { escapeInvisible, escapeInvisibleInJson, shownText } from "../syntax/shown-text";
import { toYaml } from "./yaml-writer";
import { STDIN_NAME, type Io } from "./inputs";

interface ValueTree {
  value: Record<string, Json>;
  /** Pointer → the value's path and the expression's text, for every value that is computed. */
  computed: Map<string, { path: string; text: string }>;
}

export function runGet(file: string, pathText: string, format: "text" | "json" | "yaml", io: Io): number {
  const tree = valueTree(file, io);
  if (typeof tree === "number") return tree;
  const path = parsePath(pathText);
  const shownPath = shownText(formatPath(path), 200);
  const found = valueAt(tree.value, path);
  if (found === undefined) {
    io.err(`tsk get: ${shownFile(file)} has no value at ${shownPath}\n`);
    return 1;
  }
  const here = pointer(path);
  const computed = tree.computed.get(here);
  if (computed !== undefined) {
    io.err(`tsk get: ${shownPath} is computed when the configuration is loaded (${shownText(computed.text)}): tsk gives only the values written in the file\n`);
    return 1;
  }
  warnComputed(tree, here, io);
  if (format === "yaml") io.out(toYaml(found));
  else if (format === "json" || typeof found !== "string") io.out(escapeInvisibleInJson(JSON.stringify(found, null, 2)) + "\n");
  else io.out((io.terminal ? escapeInvisible(found) : found) + "\n");
  return 0;
}

export function runExport(file: string, format: "json" | "yaml", io: Io): number {
  const tree = valueTree(file, io);
  if (typeof tree === "number") return tree;
  warnComputed(tree, "", io);
  io.out(format === "yaml" ? toYaml(tree.value) : escapeInvisibleInJson(JSON.stringify(tree.value, null, 2)) + "\n");
  return 0;
}

const shownFile = (file: string) => escapeInvisible(file === "-" ? STDIN_NAME : file);

/** The file's value tree, or the exit code: 2 when it cannot be read, 1 when it has syntax errors. */
function valueTree(file: string, io: Io): ValueTree | number {
  const read = file === "-" ? decodeText(io.readStdin()) : readTextFile(file, MAX_CONFIG_BYTES);
  if (read.error !== undefined) {
    io.err(`tsk: ${shownFile(file)}: ${read.error}\n`);
    return 2;
  }
  const tree = parse(read.text);
  const errors = tree.problems().filter((p) => p.severity === "error");
  if (errors.length > 0) {
    for (const e of errors.slice(0, 10)) {
      const at = tree.positionAt(e.start);
      io.err(`tsk: ${shownFile(file)}:${at.line + 1}:${at.character + 1}: ${escapeInvisible(e.message)}\n`);
    }
    io.err(`tsk: ${shownFile(file)} has syntax errors${errors.length > 10 ? ` (${errors.length}; tsk check lists them all)` : ""}: its values are not read until they are fixed\n`);
    return 1;
  }
  const instance = buildInstance(tree);
  const computed = new Map<string, { path: string; text: string }>();
  for (const [at, source] of instance.sources) {
    if (source.expression) computed.set(at, { path: formatPath(source.path), text: read.text.slice(source.valueStart, source.valueEnd) });
  }
  return { value: instance.value as Record<string, Json>, computed };
}

function valueAt(root: Json, path: PathSegment[]): Json | undefined {
  let v: Json | undefined = root;
  for (const s of path) {
    if (Array.isArray(v) && typeof s === "number") v = v[s];
    else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, String(s))) v = v[String(s)];
    else return undefined;
    if (v === undefined) return undefined;
  }
  return v;
}

/** Names, on stderr, the values below `under` that are written as null because they are computed. */
function warnComputed(tree: ValueTree, under: string, io: Io): void {
  for (const [at, { path, text }] of tree.computed) {
    if (at === under || at.startsWith(under + "/")) {
      io.err(`tsk: warning: ${shownText(path, 200)} is computed when the configuration is loaded (${shownText(text)}): written as null\n`);
    }
  }
}
