// A path names one place in the configuration tree, whichever spelling put a value there:
// `microservices.discovery.retry_policy.backoff`, `api_gateway.routes."/api/v1".service`,
// `services.api.tags[0]`.

/**
 * Every path of a block nested N deep has N segments: past this depth the path model would
 * cost the square of the file (100,000 levels: billions of segments), so paths are not
 * followed and nothing but the syntax is checked. No configuration nests anywhere near it.
 */
export const MAX_PATH_DEPTH = 1000;

/** A key name, or an index into an array. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function formatPath(path: Path): string {
  // Joined, not concatenated: `+=` makes a chain of string pieces that stays in memory as
  // such, and the workspace index keeps hundreds of thousands of these.
  const parts: string[] = [];
  for (const s of path) parts.push(segmentText(s, parts.length === 0));
  return parts.join("");
}

/**
 * `path` and then `segment`, in an array of just that length: definitions and sources keep
 * one path each, and `[...path, segment]` gives each room for twenty segments.
 */
export function childPath(path: Path, ...segments: PathSegment[]): Path {
  return path.concat(segments);
}

/** formatPath(path + [segment]), given formatPath(path): one concatenation, not a walk of the path. */
export function appendSegment(formatted: string, segment: PathSegment): string {
  // Joined, as formatPath does: the result is kept, and `+` would keep its pieces too.
  return [formatted, segmentText(segment, formatted === "")].join("");
}

function segmentText(s: PathSegment, first: boolean): string {
  if (typeof s === "number") return `[${s}]`;
  return (first ? "" : ".") + (IDENTIFIER.test(s) ? s : JSON.stringify(s));
}

/** Reads `a.b."c.d"[0]` back into segments; the inverse of formatPath. */
export function parsePath(text: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ".") { i++; continue; }
    if (c === "[") {
      const close = text.indexOf("]", i);
      const end = close < 0 ? text.length : close;
      out.push(Number(text.slice(i + 1, end)));
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let name = "";
      while (j < text.length && text[j] !== '"') {
        if (text[j] === "\\" && j + 1 < text.length) j++;
        name += text[j++];
      }
      out.push(name);
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== "." && text[j] !== "[") j++;
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => s === path[i]);
}
