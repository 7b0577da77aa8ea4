// Bytes to text: TSK files (and JSON schemas) are UTF-8. A file saved as UTF-16 (Windows
// editors do, often with a byte order mark, sometimes without) read as UTF-8 is every second
// byte NUL: one clear reason beats an "unexpected character" for each of them.
import { isUtf8 } from "node:buffer";

/** How far the bytes are looked at for NULs: text editors' own binary check looks this far. */
const SNIFF = 8000;

export const UTF16 = "this file is UTF-16; TSK files are UTF-8: save it as UTF-8";
export const NUL_BYTES = "this file holds NUL bytes: it is not UTF-8 text";

/** Bytes that no UTF-8 encoder writes (Latin-1 text, a binary file): decoded, they would be U+FFFD, silently. */
export function notUtf8(line: number | null): string {
  return `this file is not UTF-8 text${line === null ? "" : ` (line ${line} has bytes that are not UTF-8)`}: TSK files are UTF-8: save it as UTF-8`;
}

export type Decoded = { text: string; error?: undefined } | { text?: undefined; error: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { error: UTF16 };
  }
  const kind = nulPattern(bytes);
  if (kind === "utf16") return { error: UTF16 };
  if (kind === "nul") return { error: NUL_BYTES };
  if (!isUtf8(bytes)) return { error: notUtf8(firstBadLine(bytes)) };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8", bom ? 3 : 0) };
}

/**
 * Whether the start of the bytes holds NULs, and whether they fall on every second byte, as
 * UTF-16 writes ASCII text (LE: the odd bytes, BE: the even ones).
 */
function nulPattern(bytes: Uint8Array): "none" | "utf16" | "nul" {
  const n = Math.min(bytes.length, SNIFF);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) even++;
    else odd++;
  }
  if (even + odd === 0) return "none";
  const pairs = Math.floor(n / 2);
  // Mostly ASCII text in UTF-16: nearly every pair has its NUL on the same side.
  if (pairs > 0 && Math.max(even, odd) >= pairs * 0.6 && Math.min(even, odd) <= pairs * 0.1) return "utf16";
  return "nul";
}

/** The line of the first byte that does not start or continue a UTF-8 sequence (a good guess; null when not found). */
function firstBadLine(bytes: Uint8Array): number | null {
  let line = 1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) line++;
    if (b < 0x80) continue;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return line;
    for (let j = 1; j < length; j++) {
      if (i + j >= bytes.length || (bytes[i + j] & 0xc0) !== 0x80) return line;
    }
    i += length - 1;
  }
  return null;
}
