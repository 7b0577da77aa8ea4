// The patterns of a user's schema (`pattern`, `patternProperties`, `propertyNames`) run on
// RE2 (re2js, a port of RE2 to JavaScript), which matches in time linear in the text: a
// backtracking engine (JavaScript's own) takes time exponential in it on a pattern such as
// `^(a+)+$` (2–14 s per keystroke at 28 characters, doubling with each one more). A
// pattern RE2 cannot run (lookahead, lookbehind, back-references: features that need
// backtracking) is not checked, and said so; a pattern that is no valid JavaScript pattern
// at all is an error of the schema, as before.
import { RE2JS } from "re2js";

export interface PatternTest {
  test(text: string): boolean;
  /** False when RE2 cannot run the pattern: `test` then accepts every text. */
  checked: boolean;
}

/** Why a pattern that JavaScript accepts is not checked, or null when RE2 runs it. */
export type Unchecked = (pattern: string, why: string) => void;

const NOT_LINEAR = "it needs a backtracking engine (lookahead, lookbehind or a back-reference), which can take time exponential in the value";

/**
 * A test of `pattern` that takes time linear in the text. Throws (a SyntaxError, as
 * `new RegExp` does) when the pattern is not a JavaScript pattern; tells `unchecked` and
 * accepts every text when RE2 cannot run it.
 */
export function linearPattern(pattern: string, unchecked: Unchecked): PatternTest {
  // JavaScript's own parser says what a valid pattern is (JSON Schema patterns are
  // ECMA-262's); it only parses here, it never runs the pattern.
  new RegExp(pattern, "u");
  // re2js turns `\k<name>` into the letter k: a named back-reference would silently mean something else.
  if (/\\k</.test(pattern)) return notChecked(pattern, unchecked);
  let re: RE2JS;
  try {
    re = RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch {
    return notChecked(pattern, unchecked);
  }
  return { test: (text) => re.test(text), checked: true };
}

function notChecked(pattern: string, unchecked: Unchecked): PatternTest {
  unchecked(pattern, NOT_LINEAR);
  return { test: () => true, checked: false };
}

/** Tests of patterns by their text, made once each: patternProperties are tested for every key a walk meets. */
export class PatternCache {
  private readonly tests = new Map<string, PatternTest | null>();

  /**
   * Whether `text` matches `pattern`; false for a pattern that is not valid or that RE2 cannot
   * run: what a key means is not guessed from a pattern that was not run.
   */
  matches(pattern: string, text: string): boolean {
    let t = this.tests.get(pattern);
    if (t === undefined) {
      try {
        t = linearPattern(pattern, () => {});
      } catch {
        t = null;
      }
      if (this.tests.size > 10_000) this.tests.clear();
      this.tests.set(pattern, t);
    }
    return t !== null && t.checked && t.test(text);
  }
}
