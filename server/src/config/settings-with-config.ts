// The settings a file is checked with: the defaults, then its tsk.config.tsk, then the editor's
// settings on top (docs: README, "Project configuration"). Rules: the editor's level for a code
// wins over the file's. `validate` and `builtinSchemas`: off when either says off (an editor
// sends its defaults too, so its `true` cannot be told from "not set"). Schemas: both sets
// apply, the file's relative to its folder. Made once per config and editor settings, so that
// the analyzers that compare settings see the same object.
import * as fs from "node:fs";
import * as path from "node:path";
import { minimatch } from "minimatch";
import type { ValidationSettings } from "../validation/settings";
import type { ProjectConfig } from "./project-config";

const made = new WeakMap<ProjectConfig, WeakMap<ValidationSettings, Map<string, ValidationSettings>>>();

/**
 * `folder`: the file's workspace folder in the editor, where a schema the config names must lie
 * when the settings are confined (the config file is the workspace's choice, as `#!schema` is).
 */
export function settingsWithConfig(editor: ValidationSettings, config: ProjectConfig | null, folder: string | null): ValidationSettings {
  if (config === null) return editor;
  let byEditor = made.get(config);
  if (!byEditor) made.set(config, (byEditor = new WeakMap()));
  let byFolder = byEditor.get(editor);
  if (!byFolder) byEditor.set(editor, (byFolder = new Map()));
  const key = folder ?? "";
  let settings = byFolder.get(key);
  if (!settings) byFolder.set(key, (settings = compose(editor, config, folder)));
  return settings;
}

function compose(editor: ValidationSettings, config: ProjectConfig, folder: string | null): ValidationSettings {
  const associations: Record<string, string | string[]> = { ...editor.schemas.associations };
  for (const [schema, globs] of Object.entries(config.schemas)) {
    const file = path.resolve(config.folder, schema);
    if (editor.schemas.confined && folder !== null && !isInside(file, folder)) continue;
    const resolved = globs.map((g) => absoluteGlob(config.folder, g));
    const before = associations[file];
    associations[file] = before === undefined ? resolved : [...(Array.isArray(before) ? before : [before]), ...resolved];
  }
  return {
    ...editor,
    enabled: editor.enabled && config.validate !== false,
    rules: { ...config.rules, ...editor.rules },
    schemas: { ...editor.schemas, builtin: editor.schemas.builtin && config.builtinSchemas !== false, associations },
  };
}

/** Whether the config's `files` lets `file` be checked: included (every .tsk file by default), and not excluded. */
export function isChecked(config: ProjectConfig | null, file: string): boolean {
  if (config === null) return true;
  const relative = path.relative(config.folder, path.resolve(file)).split(path.sep).join("/");
  if (relative.startsWith("../")) return true;
  const match = (globs: string[]) => globs.some((g) => minimatch(relative, stripDot(g), { dot: true, matchBase: !g.includes("/") }));
  return (config.include === null || match(config.include)) && !match(config.exclude);
}

/** Whether a schema the config names lies outside the workspace folder: the editor does not read it. */
export function schemasOutside(config: ProjectConfig, folder: string): string[] {
  return Object.keys(config.schemas).filter((s) => !isInside(path.resolve(config.folder, s), folder));
}

/** A glob relative to `folder` as an absolute one; without a `/` it matches a file name in any folder below. */
function absoluteGlob(folder: string, glob: string): string {
  const base = minimatch.escape(folder.split(path.sep).join("/")).replace(/\/$/, "");
  const g = stripDot(glob);
  return g.includes("/") ? `${base}/${g}` : `${base}/**/${g}`;
}

function stripDot(glob: string): string {
  return glob.startsWith("./") ? glob.slice(2) : glob;
}

/** Links followed: a link inside may lead outside. */
function isInside(file: string, folder: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const relative = path.relative(real(folder), real(file));
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

/**
 * The indentation a config sets, over the caller's (the editor's tab size, or 4 spaces): the
 * project's file wins, so that Format Document and `tsk format --check` agree.
 */
export function withConfigIndent<T extends { tabSize: number; insertSpaces: boolean }>(config: ProjectConfig | null, base: T): T {
  if (config === null || config.indent === null) return base;
  return config.indent === "tab" ? { ...base, insertSpaces: false } : { ...base, tabSize: config.indent, insertSpaces: true };
}
