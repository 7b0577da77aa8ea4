// A completion snippet as plain text, for editors that insert text as it is (Emacs without
// yasnippet, Neovim without a snippet engine): each placeholder becomes its default, a choice
// its first option, a tab stop nothing, and escapes their character. An editor indents a
// snippet's later lines as the line it is inserted on, and a tab as one level; plain text is
// inserted as it is, so that is done here.

/** `indent`: the leading white space of the line the text goes on. */
export function snippetAsText(snippet: string, indent = ""): string {
  const unit = indent.includes("\t") ? "\t" : "    ";
  return plain(snippet).replace(/\n(\t*)/g, (_, tabs: string) => `\n${indent}${unit.repeat(tabs.length)}`);
}

function plain(snippet: string): string {
  let out = "";
  let i = 0;
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === "\\" && i + 1 < snippet.length && "$}\\,|".includes(snippet[i + 1])) {
      out += snippet[i + 1];
      i += 2;
    } else if (c === "$") {
      const read = readTabStop(snippet, i);
      out += read.text;
      i = read.end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** `$1`, `${1}`, `${1:default}` or `${1|a,b|}` at `at`: the text it stands for, and where it ends. */
function readTabStop(s: string, at: number): { text: string; end: number } {
  const plain = /^\$\d+/.exec(s.slice(at, at + 12));
  if (plain) return { text: "", end: at + plain[0].length };
  const head = /^\$\{\d+/.exec(s.slice(at, at + 12));
  if (!head) return { text: "$", end: at + 1 };
  let i = at + head[0].length;
  if (s[i] === "}") return { text: "", end: i + 1 };
  if (s[i] === "|") {
    // A choice: its first option.
    let first = "";
    i++;
    while (i < s.length && s[i] !== "," && s[i] !== "|") {
      if (s[i] === "\\" && i + 1 < s.length) i++;
      first += s[i++];
    }
    const close = s.indexOf("|}", i);
    return { text: first, end: close < 0 ? s.length : close + 2 };
  }
  // `:default`, which may hold escapes and tab stops of its own, up to the matching `}`.
  i++;
  let text = "";
  while (i < s.length && s[i] !== "}") {
    if (s[i] === "\\" && i + 1 < s.length) {
      text += s[i + 1];
      i += 2;
    } else if (s[i] === "$") {
      const inner = readTabStop(s, i);
      text += inner.text;
      i = inner.end;
    } else {
      text += s[i++];
    }
  }
  return { text, end: i + 1 };
}
