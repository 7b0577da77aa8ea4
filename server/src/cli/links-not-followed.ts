// Telling the user which symbolic links a folder walk left alone, and how to follow them.
import * as path from "node:path";
import { escapeInvisible } from "../syntax/shown-text";

const LISTED = 10;

export function reportLinksNotFollowed(links: string[], warn: (s: string) => void): void {
  if (links.length === 0) return;
  const sorted = [...links].sort();
  const shown = sorted.slice(0, LISTED).map((l) => `  ${escapeInvisible(path.relative(process.cwd(), l) || l)}\n`).join("");
  const more = sorted.length > LISTED ? `  … and ${sorted.length - LISTED} more\n` : "";
  const s = sorted.length === 1 ? "" : "s";
  warn(`tsk: warning: ${sorted.length} symbolic link${s} lead${s ? "" : "s"} out of the folders named and ${s ? "were" : "was"} not followed (--follow-symlinks follows them):\n${shown}${more}`);
}
