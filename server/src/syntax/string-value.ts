// What a quoted string token means: its delimiter, its value with escapes applied, and
// whether it was closed.

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", '"': '"', "'": "'", "0": "\0" };

export interface StringValue { value: string; quote: string; terminated: boolean }

/** `terminated` comes from the lexer, which knows whether it found the closing quote. */
export function unquote(image: string, terminated = true): StringValue {
  const q = image[0];
  const triple = image.length >= 3 && image.startsWith(q.repeat(3)) && (!terminated || image.length >= 6);
  const quote = triple ? q.repeat(3) : q;
  const inner = image.slice(quote.length, terminated ? image.length - quote.length : image.length);
  // Triple-quoted strings are raw text, as in the reference parsers.
  return { value: triple ? inner : applyEscapes(inner), quote, terminated };
}

function applyEscapes(s: string): string {
  if (!s.includes("\\")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "\\" || i + 1 >= s.length) { out += c; continue; }
    const n = s[++i];
    // A backslash at the end of a line continues the string on the next; neither is in the value.
    if (n === "\n") continue;
    if (n === "\r") { if (s[i + 1] === "\n") i++; continue; }
    if (n === "u" && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else {
      out += ESCAPES[n] ?? "\\" + n;
    }
  }
  return out;
}
