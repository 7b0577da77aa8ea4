// The long runs of the property, stress and fuzz tests: `TSK_LONG_TESTS=1` (CI sets it, in
// .ci/run) runs them at full size; a plain `npm test` runs them smaller, to stay quick to iterate.

export const LONG_TESTS = process.env.TSK_LONG_TESTS === "1";

/** `full` in a long run, `quick` otherwise. */
export function sized<T>(quick: T, full: T): T {
  return LONG_TESTS ? full : quick;
}
