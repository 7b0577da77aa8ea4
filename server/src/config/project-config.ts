// tsk.config.tsk: the project's configuration, shared by `tsk check`, `tsk format` and the
// editor. It is TSK, read through the same path model as any file (sections, blocks, objects
// and dotted keys all write the same tree), and checked against its own built-in schema
// (schemas/tsk-config.schema.json), which gives the editor completion and hover in it. This
// reader is what applies it: a value it cannot use is a problem, never a silent default.
import { parse } from "../syntax/syntax-tree";
import { buildInstance, pointer, type Json } from "../schemas/instance";
import type { RuleLevel } from "../validation/settings";
import { shownText } from "../syntax/shown-text";

export interface ConfigProblem {
  /** Offsets in the config file's text. */
  start: number;
  end: number;
  /** 1-based, for the command line's messages. */
  line: number;
  column: number;
  message: string;
  /**
   * "schema": the config's schema says it too (a wrong type, an unknown key), so the editor,
   * which shows the schema's diagnostics, need not say it twice; "value": only this reader can.
   */
  kind: "schema" | "value";
}

export interface ProjectConfig {
  /** Its path; globs and schema paths are relative to its folder. */
  file: string;
  folder: string;
  validate: boolean | null;
  builtinSchemas: boolean | null;
  rules: Record<string, RuleLevel>;
  /** Schema path (as written) → globs (as written). */
  schemas: Record<string, string[]>;
  /** Where each schema path is written: the editor warns there when it does not read it. */
  schemaKeys: Record<string, { start: number; end: number }>;
  include: string[] | null;
  exclude: string[];
  /** Spaces per level, or "tab"; null: the caller's. */
  indent: number | "tab" | null;
  /** Syntax errors, wrong types, unknown keys, computed values: each with where it is. */
  problems: ConfigProblem[];
}

const LEVELS = new Set(["off", "hint", "info", "warning", "error"]);
const TOP_KEYS = new Set(["validate", "builtinSchemas", "rules", "schemas", "files", "format"]);

export function readProjectConfig(text: string, file: string, folder: string): ProjectConfig {
  const tree = parse(text);
  const config: ProjectConfig = {
    file, folder, validate: null, builtinSchemas: null, rules: {}, schemas: {}, schemaKeys: {}, include: null, exclude: [], indent: null, problems: [],
  };
  const at = (start: number, end: number) => {
    const p = tree.positionAt(start);
    return { start, end, line: p.line + 1, column: p.character + 1 };
  };
  for (const p of tree.problems()) {
    if (p.severity === "error") config.problems.push({ ...at(p.start, p.end), message: p.message, kind: "schema" });
  }
  const instance = buildInstance(tree);
  const where = (path: (string | number)[]) => {
    const s = instance.sources.get(pointer(path));
    return s ? at(s.keyStart, s.valueEnd) : at(0, 0);
  };
  const problem = (path: (string | number)[], message: string, kind: ConfigProblem["kind"] = "schema") =>
    config.problems.push({ ...where(path), message, kind });
  const name = (path: (string | number)[]) => shownText(path.join("."));
  // A value written as an expression (`@env("X")`, `$name + 1`) has no value before run time.
  const computed = (path: (string | number)[]) => instance.sources.get(pointer(path))?.expression === true;

  const bool = (key: "validate" | "builtinSchemas", v: Json) => {
    if (typeof v === "boolean") config[key] = v;
    else if (computed([key])) problem([key], `${key}: a computed value is not read here: write true or false`, "value");
    else problem([key], `${key} must be true or false`);
  };
  /** A list of strings; for a schema's globs, one string alone too (as the tsk.schemas setting takes it). */
  const strings = (path: (string | number)[], v: Json, one = false): string[] | null => {
    const list = one && typeof v === "string" ? [v] : v;
    if (Array.isArray(list) && list.every((x) => typeof x === "string")) return list as string[];
    if (Array.isArray(list) && list.some((_, i) => computed([...path, i]))) problem(path, `${name(path)}: a computed value is not read here: write each glob as a string`, "value");
    else problem(path, `${name(path)} must be a list of strings`);
    return null;
  };

  for (const [key, v] of Object.entries(instance.value as Record<string, Json>)) {
    if (!TOP_KEYS.has(key)) {
      problem([key], `unknown key '${shownText(key)}': tsk.config.tsk knows ${[...TOP_KEYS].join(", ")}`);
      continue;
    }
    if (key === "validate" || key === "builtinSchemas") bool(key, v);
    else if (!isObject(v)) problem([key], `${key} must be a block of keys, as in ${key} { … }`);
    else if (key === "rules") {
      for (const [code, level] of Object.entries(v)) {
        if (typeof level === "string" && LEVELS.has(level)) config.rules[code] = level as RuleLevel;
        else if (computed(["rules", code])) problem(["rules", code], `rules.${shownText(code)}: a computed value is not read here: write off, hint, info, warning or error`, "value");
        else problem(["rules", code], `rules.${shownText(code)} must be "off", "hint", "info", "warning" or "error"`);
      }
    } else if (key === "schemas") {
      for (const [schema, globs] of Object.entries(v)) {
        const list = strings(["schemas", schema], globs, true);
        if (list) config.schemas[schema] = list;
        const key = instance.sources.get(pointer(["schemas", schema]));
        config.schemaKeys[schema] = key ? { start: key.keyStart, end: key.keyEnd } : { start: 0, end: 0 };
      }
    } else if (key === "files") {
      for (const [k, x] of Object.entries(v)) {
        if (k !== "include" && k !== "exclude") { problem(["files", k], `unknown key 'files.${shownText(k)}': files knows include and exclude`); continue; }
        const list = strings(["files", k], x);
        if (list && k === "include") config.include = list;
        else if (list) config.exclude = list;
      }
    } else {
      for (const [k, x] of Object.entries(v)) {
        if (k !== "indent") { problem(["format", k], `unknown key 'format.${shownText(k)}': format knows indent`); continue; }
        if (x === "tab" || (typeof x === "number" && Number.isInteger(x) && x >= 1 && x <= 16)) config.indent = x;
        else if (computed(["format", k])) problem(["format", k], "format.indent: a computed value is not read here: write a number or \"tab\"", "value");
        else problem(["format", k], 'format.indent must be a number of spaces from 1 to 16, or "tab"');
      }
    }
  }
  return config;
}

function isObject(v: Json): v is { [k: string]: Json } {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
