// Values written as text to the end of the line, as TuskLang's reference parsers read every
// value they cannot read otherwise: `title: Hello big world`, `path: ./data/app.db`,
// `image: nginx:latest`, `schedule: 0 */6 * * *`. What may be read so, and what to say of it.
import type { IToken } from "chevrotain";
import * as T from "./tokens";
import { shownText } from "./shown-text";

/**
 * Whether a value that is no valid expression, starting with `first` (then `second`), may be read
 * as text. Not when it starts the way only an expression does: a quote, `$name`, `@name`, a
 * bracket, or a call (`env("X") ?? 1`): there a mistake is a mistake, and is said as one.
 */
export function mayBeText(first: IToken, second: IToken | undefined): boolean {
  const k = first.tokenType;
  if (k === T.QuotedString || k === T.UnterminatedString || k === T.Global || k === T.AtName) return false;
  if (k === T.LParen || k === T.LBracket || k === T.LBrace) return false;
  // `${VAR}`, `@{`, `` `template` ``: said better by the lexer's own messages.
  if (k === T.Unknown && /^[$@`]/.test(first.image)) return false;
  if ((k === T.Identifier || k === T.Url) && second?.tokenType === T.LParen) return false;
  return true;
}

/** `key: |` and `key: >` (with `-` or `+`): YAML's block text, which TSK writes as a `"""` string. */
export function isYamlBlockIndicator(tokens: readonly IToken[]): boolean {
  return /^[|>][-+]?$/.test(tokens.map((t) => t.image).join(""));
}

/** A colour, `#ff0000` (3, 4, 6 or 8 hex digits), where a comment would start; and what follows it. */
export function colourIn(comment: string): { colour: string; rest: string } | null {
  const m = /^#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3,4})(?![\w-])/.exec(comment);
  if (!m) return null;
  const rest = comment.slice(m[0].length);
  // Only white space, or a comment after white space, may follow: `#fff and more` is no colour.
  return /^(?:\s*|\s+(?:#|\/\/).*)$/.test(rest) ? { colour: m[0], rest } : null;
}

/** `text` as a quoted string that means the same: `"…"`, `'…'`, or a raw `"""…"""` when it holds a backslash. */
export function quoted(text: string): string {
  if (text.includes("\\")) return text.includes('"""') ? `'''${text}'''` : `"""${text}"""`;
  if (!text.includes('"')) return `"${text}"`;
  if (!text.includes("'")) return `'${text}'`;
  return `"""${text}"""`;
}

/** What the hint on a text value says. */
export function textHint(written: string): string {
  const text = shownText(written);
  if (/^[+-]?\.\d+$/.test(text)) {
    return `'${text}' is read as text, as TuskLang's parsers read it: write ${text.replace(".", "0.")} for a number, or ${quoted(text)} for text`;
  }
  if (text.length > 40) return "read as text to the end of the line, as TuskLang's parsers read it; quoting it is clearer";
  return `read as the text '${text}' to the end of the line, as TuskLang's parsers read it; quoting it is clearer: ${quoted(text)}`;
}
