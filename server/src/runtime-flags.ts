// The V8 flags and environment the language server's Node process starts with, wherever it
// is started from: bin/tsk-language-server.js (any editor, stdio) starts itself again with
// them, the VS Code client passes them. Why: V8's defaults suit a short program that allocates
// fast, not a server that holds a few small trees for hours. With them, a 10,000-line document
// costs about a quarter less memory at the same keystroke latency (docs/benchmarks.md).
export const SERVER_V8_FLAGS: readonly string[] = [
  // The young generation, where each keystroke's short-lived objects live: 2 MB semi-spaces,
  // not up to 16 MB each. An analysis allocates ~2 MB, most of it dead by the next keystroke.
  "--max-semi-space-size=2",
  // The old generation grows by 30% of what is live before it is collected again, not by up to
  // 300%: what a keystroke replaces is collected before it piles up.
  "--heap-growing-percent=30",
  // V8 favours memory over its own speed: above all, the old generation grows in 2 MB steps
  // between collections, not 8 MB (a quarter of a 10,000-line document's whole heap). Measured
  // side by side in `npm run bench`: peak 100–101 MB → 96–97 MB, keystroke p50 no slower.
  "--optimize-for-size",
];

/**
 * Set where the environment does not set them already. glibc gives each thread that calls
 * malloc an arena of its own, and V8's compiler and collector threads each keep theirs: two
 * arenas, not one per thread, save ~3 MB at no cost we could measure. Other C libraries ignore it.
 */
export const SERVER_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: "2",
};
