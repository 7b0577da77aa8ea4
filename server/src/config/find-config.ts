// Which tsk.config.tsk applies to a file: the nearest one in the file's folder or above it, as
// ruff finds ruff.toml and ESLint its config. The search stops at `stop` (the editor's workspace
// folder: nothing outside it is read) or, with none (`tsk check`), at the repository's root (a
// folder that holds `.git`), so that a config in a parent project or the home folder does not
// apply by accident. Each folder is looked at once until `clear()`: the server clears when a
// config file changes on disk.
import * as fs from "node:fs";
import * as path from "node:path";
import { readTextFile } from "../files/read-file";
import { isNetworkPath } from "../files/fs-reasons";
import { PROJECT_CONFIG_FILE } from "../schemas/project-config-schema";
import { readProjectConfig, type ProjectConfig } from "./project-config";

/** A config file is a page of settings: 1 MB is far more than one needs. */
const MAX_PROJECT_CONFIG_BYTES = 1024 * 1024;

export class ProjectConfigs {
  private readonly byFolder = new Map<string, ProjectConfig | null>();

  forFile(file: string, stop: string | null): ProjectConfig | null {
    if (isNetworkPath(file)) return null;
    let dir = path.dirname(path.resolve(file));
    const limit = stop === null ? null : path.resolve(stop);
    for (;;) {
      const found = this.inFolder(dir);
      if (found) return found;
      if (limit !== null ? dir === limit || !isInside(dir, limit) : fs.existsSync(path.join(dir, ".git"))) return null;
      const up = path.dirname(dir);
      if (up === dir) return null;
      dir = up;
    }
  }

  /** The config file of this very folder, if it has one. */
  inFolder(dir: string): ProjectConfig | null {
    const known = this.byFolder.get(dir);
    if (known !== undefined) return known;
    const file = path.join(dir, PROJECT_CONFIG_FILE);
    let config: ProjectConfig | null = null;
    if (fs.existsSync(file)) {
      const read = readTextFile(file, MAX_PROJECT_CONFIG_BYTES);
      if (read.error === undefined) config = readProjectConfig(read.text, file, dir);
      else {
        config = readProjectConfig("", file, dir);
        config.problems.push({ start: 0, end: 0, line: 1, column: 1, message: `cannot read ${PROJECT_CONFIG_FILE}: ${read.error}`, kind: "value" });
      }
    }
    this.byFolder.set(dir, config);
    return config;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

function isInside(dir: string, folder: string): boolean {
  const relative = path.relative(folder, dir);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
