// Why a file or folder could not be read, in words: the path is named by whoever reports it,
// never repeated here (Node's messages quote it, and a path may hold anything).
import type * as fs from "node:fs";

/** "no such file or folder" rather than "ENOENT: no such file or directory, stat 'x'". */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case "ENOENT": case "ENOTDIR": return "no such file or folder";
    case "EACCES": case "EPERM": return "permission denied";
    case "EISDIR": return "it is a folder, not a file";
    case "ELOOP": return "too many symbolic links";
    case "ENAMETOOLONG": return "the path is too long";
    case "EMFILE": case "ENFILE": return "too many files open";
    default: return typeof code === "string" ? `error ${code}` : "it cannot be read";
  }
}

/** Why `stat` is no regular file, or null when it is one. */
export function notRegularFile(stat: fs.Stats): string | null {
  if (stat.isFile()) return null;
  if (stat.isDirectory()) return "it is a folder, not a file";
  if (stat.isFIFO()) return "it is a named pipe (FIFO), not a regular file";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "it is a device, not a regular file";
  if (stat.isSocket()) return "it is a socket, not a regular file";
  return "it is not a regular file";
}

/** `\\host\share\x`, `//host/share/x`, `\\?\…`, `\\.\pipe\…`: never touched (Windows would connect, and send credentials). */
export function isNetworkPath(file: string): boolean {
  return /^[\\/]{2}/.test(file);
}

export const NETWORK_PATH = "it is a network path (\\\\host\\share or //host/share): only local files are read";
