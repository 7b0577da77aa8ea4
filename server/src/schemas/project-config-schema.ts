// The project configuration file's name and the built-in schema that checks it: a file named
// so is checked (and completed, and hovered) against that schema, whatever the settings say.
import * as path from "node:path";

export const PROJECT_CONFIG_FILE = "tsk.config.tsk";

export const PROJECT_CONFIG_SCHEMA = "tsk-schema://builtin/tsk-config.schema.json";

export function isProjectConfig(file: string | null): boolean {
  return file !== null && path.basename(file) === PROJECT_CONFIG_FILE;
}
