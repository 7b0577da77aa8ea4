// The user's text inside a message. A message is printed on terminals (`tsk check`) and shown
// in editors, so what it quotes must not act there: control characters (C0, DEL, C1: ESC
// starts terminal sequences that move the cursor or rewrite lines), line and paragraph
// separators, bidirectional overrides and isolates (which reorder what is read around them,
// "Trojan Source"), zero-width characters and byte order marks (invisible) and lone surrogates
// are written as escapes. Backslashes stay as they are: `'C:\data'` must read as written.
// Every message that quotes a key, a token, a value or a path goes through here.

const INVISIBLE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ANY_INVISIBLE = new RegExp(INVISIBLE.source);

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every character that could act on a terminal or hide itself written as an escape (`\n`, `\u001B`). */
export function escapeInvisible(text: string): string {
  if (!ANY_INVISIBLE.test(text)) return text;
  return text.replace(INVISIBLE, (c) => SHORT[c] ?? unicodeEscape(c));
}

/**
 * JSON text with the characters JSON.stringify leaves raw (C1, separators, bidi controls, …)
 * written as `\u` escapes, which JSON reads as the same characters; the line breaks between
 * values (the only raw ones: JSON.stringify escapes those inside strings) stay.
 */
export function escapeInvisibleInJson(json: string): string {
  return json.replace(INVISIBLE, (c) => (c === "\n" ? c : unicodeEscape(c)));
}

function unicodeEscape(c: string): string {
  return "\\u" + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/** `text` as a message quotes it: escaped, and cut after `max` characters with '…' (a key can be 60 KB). */
export function shownText(text: string, max = 60): string {
  if (text.length <= max) return escapeInvisible(text);
  // Not between the two halves of a surrogate pair.
  const cut = /[\ud800-\udbff]/.test(text[max - 1]) ? max - 1 : max;
  return escapeInvisible(text.slice(0, cut)) + "…";
}
