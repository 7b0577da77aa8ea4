// What each code `tsk check` reports means, for reports that carry rule metadata (SARIF: GitHub
// code scanning shows the description with each alert and the help in its panel). Kept by hand
// beside the checks; `test/cli/sarif.test.ts` checks that every code the core can report is here.
export interface CheckCode {
  /** One line: what is found. */
  description: string;
  /** Why it matters and what to do. */
  help: string;
}

const SYNTAX_HELP = "TSK's own parsers drop a line they cannot read without a word; fix the line so that every SDK reads it as written. docs/language-reference.md shows every form TSK takes.";

export const CHECK_CODES: Record<string, CheckCode> = {
  "expected-value": { description: "A key with no value after '=' or ':'.", help: `Give the key a value (\`timeout = "30s"\`), or remove the line. ${SYNTAX_HELP}` },
  "expected-key": { description: "A value or separator where a key should start.", help: `Write \`key = value\`; a key is a name, a quoted string or a dotted path. ${SYNTAX_HELP}` },
  "expected-separator": { description: "A key not followed by '=', ':' or a block.", help: `Write \`key = value\`, \`key: value\` or \`key { … }\`. ${SYNTAX_HELP}` },
  "unclosed-block": { description: "A '{' or '>' block that is never closed.", help: `Close the block with '}' (or '<' for a '>' block) where it ends. ${SYNTAX_HELP}` },
  "unclosed-bracket": { description: "A '(' or '[' that is never closed.", help: `Close the bracket where the value ends. ${SYNTAX_HELP}` },
  "unmatched-close": { description: "A closing bracket or '<' that closes nothing.", help: `Remove it, or open the block it was meant to close. ${SYNTAX_HELP}` },
  "unterminated-string": { description: "A string with no closing quote.", help: `Close the string on the same line, or use a """ string for text over several lines. ${SYNTAX_HELP}` },
  "unterminated-comment": { description: "A /* comment that is never closed.", help: "Close the comment with */." },
  "unknown-character": { description: "A character TSK does not use outside a string.", help: `Quote the value, or remove the character. ${SYNTAX_HELP}` },
  "unexpected-token": { description: "Something that cannot stand where it is.", help: `One key per line, one value per key. ${SYNTAX_HELP}` },
  "yaml-list": { description: "A YAML '- item' list in a TSK file.", help: "TSK writes lists as arrays: `key = [a, b]`." },
  "yaml-block": { description: "YAML block text (`key: |` over indented lines) in a TSK file.", help: 'TSK writes text over several lines between """ and """: `key = """` then the lines, then `"""`.' },
  "json-document": { description: "A JSON document pasted into a TSK file.", help: "TSK writes `key = value` lines, blocks (`name { … }`) and `key = { … }` objects: write the JSON's keys as TSK keys." },
  "unquoted-text": { description: "A value read as the text to the end of its line, as TuskLang's parsers read it.", help: "Quote it (the quick fix does, keeping the value) so that no SDK reads it otherwise." },
  "ignored-line": { description: "A line TuskLang's parsers ignore: a bare call or expression that sets no key.", help: "Give it a key (`key = @op(…)`), or move it into a #!api file, where bare expressions are the response." },
  "section-in-block": { description: "A [section] header inside a block.", help: "A [section] header stands at the top level; inside a block, write a nested block instead." },
  "too-deep": { description: "Brackets or blocks nested past the limit the parser follows.", help: "Nesting deeper than 100 brackets (or 1,000 blocks) is reported, not parsed: flatten the value." },
  "nul-character": { description: "A NUL character in the text.", help: "A TSK file is UTF-8 text: remove the NUL characters." },
  "not-utf8": { description: "A file that is not UTF-8 text (UTF-16, or binary).", help: "TSK files are UTF-8: save the file as UTF-8, or do not name it .tsk. Its content is not shown." },
  "unreadable-file": { description: "A file that cannot be read.", help: "The message says why (not found, permission denied, not a regular file, too large)." },
  "misplaced-directive": { description: "A #! directive after the start of the file.", help: "Directives (#!api, #!schema) stand at the top of the file, before any key." },
  "unknown-directive": { description: "A #! directive TSK does not know.", help: "TSK knows #!api and #!schema; a comment starts with # and a space." },
  "schema-directive": { description: "A #!schema directive that names no schema.", help: "Write `#!schema ./path/to/schema.json`, or `#!schema none`." },
  "unknown-escape": { description: "A backslash before a character that makes no escape (\"C:\\data\").", help: "It stays as written, which may not be what you meant: write \\\\ for a backslash." },
  "unknown-operator": { description: "A called @operator no TuskLang SDK implements and no doc names.", help: "Check its spelling (a warning with \"did you mean\" when a known one is near); an operator of your own is a hint." },
  "path-too-deep": { description: "A key path of more than 32 segments.", help: "Paths are followed to 32 segments; the rest of the path is not checked." },
  "too-deep-to-check": { description: "Blocks nested deeper than the checks follow.", help: "Only the syntax is checked past that depth: flatten the configuration." },
  "too-large-to-check": { description: "A file too large to check in the editor.", help: "The editor checks the syntax only of files over 4 MB; tsk check checks all of it." },
  "too-large": { description: "A file too large to read in the editor.", help: "The editor does not parse files over 16 MB; tsk check reads files up to 32 MB." },
  "too-many-problems": { description: "More problems than are reported for one file.", help: "Fix the first ones: the rest follow from them more often than not." },
  "unknown-key": { description: "A key the schema does not know.", help: "Check its spelling (the message suggests the nearest known key), or extend the schema." },
  "unknown-value": { description: "A value outside an open list of known values.", help: "Check its spelling; a value of your own is allowed, and this is a warning only." },
  "invalid-value": { description: "A value outside a closed list of allowed values.", help: "Use one of the values the message lists." },
  "wrong-type": { description: "A value of the wrong type.", help: "The message says what type the key holds: a string is quoted, a number and a boolean are not." },
  "out-of-range": { description: "A number or length outside the allowed range.", help: "The message gives the range." },
  "invalid-format": { description: "A duration, URL or other formatted value that does not read as one.", help: "A duration is a number and a unit (\"10s\", \"5m\", \"1h\"); a URL has a scheme (\"http://host:8500\")." },
  "missing-key": { description: "A key the schema requires is missing.", help: "Add the key the message names." },
  "duplicate-key": { description: "A path given a value twice.", help: "The later value wins in every spelling (`a.b = 1`, `a { b = 1 }`, `[a]`): remove one of them." },
  "schema": { description: "A value the schema refuses.", help: "The message quotes the schema's rule." },
  "schema-not-found": { description: "A schema that cannot be read.", help: "Schemas are read from disk, never downloaded: check the path, relative to the file (#!schema) or to the folder of its setting." },
  "schema-untrusted": { description: "A schema not read because the workspace is not trusted.", help: "Trust the workspace to use the schemas it names; the built-in schemas apply until then." },
  "schema-outside-workspace": { description: "A schema outside the workspace folder, not read in the editor.", help: "Move the schema into the workspace, or name it in your own tsk.schemas setting." },
  "broken-schema": { description: "A schema that is not valid JSON Schema.", help: "The message says where it fails." },
  "unchecked-pattern": { description: "A schema pattern that cannot run in linear time, left unchecked.", help: "Lookahead, lookbehind and back-references need backtracking: rewrite the pattern without them to have it checked." },
  "project-config": { description: "A value of tsk.config.tsk that cannot be used (computed, or unreadable).", help: "Write the value as a literal: tsk.config.tsk is read before anything runs." },
  "cors-wildcard-credentials": { description: "CORS allows any origin and sends credentials.", help: "Browsers refuse credentials with a wildcard origin, and a server that reflects any origin leaks them: list the origins allowed." },
  "mtls-mismatch": { description: "The service mesh and security sections disagree on mutual TLS.", help: "Turn mutual TLS on (or off) in both service_mesh.mtls and security.mtls." },
  "zero-trust-without-mtls": { description: "Zero trust is on but mutual TLS is off.", help: "Zero trust means every call is authenticated: turn on mutual TLS." },
  "plaintext-endpoint": { description: "An http:// endpoint where TLS is expected.", help: "Use https:// (or turn on the mesh's mutual TLS) for traffic that leaves the host." },
  "retry-budget": { description: "Retries that cannot fit in the timeout.", help: "Every try may take the per-try timeout: lower the retries or the per-try timeout, or raise the overall timeout." },
  "unknown-service": { description: "A route, subscriber or depends_on names a service no file defines.", help: "Define the service under services, or fix the name (the message suggests the nearest)." },
  "dependency-cycle": { description: "Services that depend on each other in a cycle.", help: "Services in a cycle cannot start one after the other: break the cycle." },
  "duplicate-topic": { description: "An event topic listed twice.", help: "Remove the second one." },
  "unused-global": { description: "A $global nothing reads.", help: "Remove it, or use it." },
  "unknown-global": { description: "A $global that neither the file, its imports nor the nearest peanut.tsk defines.", help: "Define it, import the file that does, or fix its name." },
  "unknown-file": { description: "An @import or @name.tsk.get naming a file that cannot be found.", help: "Paths are relative to the file that names them." },
  "unknown-file-key": { description: "@name.tsk.get(\"a.b\") reads a key that file does not define.", help: "Fix the key, or define it in that file." },
  "import-cycle": { description: "Files that import each other in a cycle.", help: "Break the cycle: move what both need into a third file." },
};

/** What a code's entry says, or a plain one for a code of the user's own (a schema's). */
export function checkCode(code: string): CheckCode {
  return CHECK_CODES[code] ?? { description: `The check '${code}'.`, help: "See the message." };
}
