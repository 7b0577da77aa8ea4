// Every read the core makes of a file the user's configuration names (config files, schemas,
// `tsk check` inputs) goes through here: a regular file only (no FIFO, device or socket: a
// FIFO blocks a reader forever, /dev/zero never ends), of bounded size, never a network path.
// The file is checked before it is opened (opening some devices does something) and again
// after, on the open descriptor: a FIFO swapped in between is opened without blocking
// (O_NONBLOCK) and refused. Whether a symbolic link is followed is the caller's choice: this
// reads what the path leads to.
import * as fs from "node:fs";
import { describeFsError, isNetworkPath, NETWORK_PATH, notRegularFile } from "./fs-reasons";
import { decodeText } from "./text-encoding";

const MB = 1024 * 1024;
/** The largest config file read: ten times the largest real one we know, and the parser's cost is linear. */
export const MAX_CONFIG_BYTES = 32 * MB;
/** The largest schema read: JSON.parse holds the whole of it, several times its size. */
export const MAX_SCHEMA_BYTES = 16 * MB;

export type ReadBytes = { bytes: Buffer; error?: undefined } | { bytes?: undefined; error: string };
/** `encoding`: the file was read, but is no UTF-8 text (UTF-16, NUL bytes). */
export type ReadText = { text: string; error?: undefined } | { text?: undefined; error: string; encoding: boolean };

const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** The file's bytes, or why they were not read. Never throws, never blocks on a FIFO. */
export function readFileBytes(file: string, maxBytes: number): ReadBytes {
  if (isNetworkPath(file)) return { error: NETWORK_PATH };
  let fd: number;
  try {
    const wrong = refusal(fs.statSync(file), maxBytes);
    if (wrong) return { error: wrong };
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  try {
    const stat = fs.fstatSync(fd);
    const wrong = refusal(stat, maxBytes);
    if (wrong) return { error: wrong };
    // To the limit and a byte more: a file that grows while it is read is caught too.
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { error: tooLarge(maxBytes) };
        const bigger = Buffer.allocUnsafe(Math.min(length * 2, maxBytes + 1));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { error: tooLarge(maxBytes) };
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { error: describeFsError(e) };
  } finally {
    fs.closeSync(fd);
  }
}

/** The file as text (UTF-8, a byte order mark dropped), or why it cannot be had: not readable, or not UTF-8 text. */
export function readTextFile(file: string, maxBytes: number): ReadText {
  const read = readFileBytes(file, maxBytes);
  if (read.error !== undefined) return { error: read.error, encoding: false };
  const decoded = decodeText(read.bytes);
  return decoded.error !== undefined ? { error: decoded.error, encoding: true } : decoded;
}

function refusal(stat: fs.Stats, maxBytes: number): string | null {
  return notRegularFile(stat) ?? (stat.size > maxBytes ? tooLarge(maxBytes) : null);
}

function tooLarge(maxBytes: number): string {
  return `it is larger than ${maxBytes / MB} MB, the most that is read`;
}
