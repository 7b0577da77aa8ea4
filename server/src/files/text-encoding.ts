// Bytes to text: TSK files (and JSON schemas) are UTF-8. A file saved as UTF-16 (Windows
// editors do, often with a byte order mark, sometimes without) read as UTF-8 is every second
// byte NUL: one clear reason beats an "unexpected character" for each of them.

/** How far the bytes are looked at for NULs: text editors' own binary check looks this far. */
const SNIFF = 8000;

export const UTF16 = "this file is UTF-16; TSK files are UTF-8: save it as UTF-8";
export const NUL_BYTES = "this file holds NUL bytes: it is not UTF-8 text";

export type Decoded = { text: string; error?: undefined } | { text?: undefined; error: string };

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { error: UTF16 };
  }
  const kind = nulPattern(bytes);
  if (kind === "utf16") return { error: UTF16 };
  if (kind === "nul") return { error: NUL_BYTES };
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
