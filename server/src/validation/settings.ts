// What a user can set about checks: on/off, each rule's severity, which schemas apply.
import type { Severity } from "../syntax/nodes";
import { DEFAULT_SCHEMA_SETTINGS, type SchemaSettings } from "../schemas/schema-association";

export type RuleLevel = Severity | "off";

export interface ValidationSettings {
  /** false: only syntax errors are reported. */
  enabled: boolean;
  /** Per rule or check code (`retry-budget`, `unknown-key`, …): its severity, or "off". */
  rules: Record<string, RuleLevel>;
  schemas: SchemaSettings;
  /**
   * Text longer than this (UTF-16 code units) gets its syntax checked only. The editor's budget
   * keeps a keystroke in a huge generated file from taking seconds; `tsk check` has none.
   */
  maxCheckedLength: number;
}

/** In the editor: files of up to 4 MB (about 100,000 lines of configuration) are checked whole. */
export const EDITOR_MAX_CHECKED_LENGTH = 4 * 1024 * 1024;

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = {
  enabled: true,
  rules: {},
  schemas: DEFAULT_SCHEMA_SETTINGS,
  maxCheckedLength: Infinity,
};

const LEVELS = new Set(["off", "hint", "info", "warning", "error"]);

/** Reads settings as a client sends them, keeping what is valid and dropping the rest. */
export function readValidationSettings(raw: unknown): ValidationSettings {
  const o = (raw && typeof raw === "object" ? raw : {}) as Record<string, unknown>;
  const rules: Record<string, RuleLevel> = {};
  if (o.rules && typeof o.rules === "object") {
    for (const [k, v] of Object.entries(o.rules as Record<string, unknown>)) {
      if (typeof v === "string" && LEVELS.has(v)) rules[k] = v as RuleLevel;
    }
  }
  const associations: Record<string, string | string[]> = {};
  if (o.schemas && typeof o.schemas === "object") {
    for (const [k, v] of Object.entries(o.schemas as Record<string, unknown>)) {
      if (typeof v === "string") associations[k] = v;
      else if (Array.isArray(v)) associations[k] = v.filter((x): x is string => typeof x === "string");
    }
  }
  return {
    enabled: o.validate !== false,
    rules,
    // The VS Code client sends `workspaceTrusted: false` in a workspace the user has not trusted.
    // Settings from an editor: a `#!schema` path stays inside the workspace folder.
    schemas: { builtin: o.builtinSchemas !== false, associations, trusted: o.workspaceTrusted !== false, confined: true },
    maxCheckedLength: EDITOR_MAX_CHECKED_LENGTH,
  };
}
