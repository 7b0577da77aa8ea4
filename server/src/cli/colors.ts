// Colours on a terminal, as the conventions say: NO_COLOR (any value) turns them off,
// FORCE_COLOR turns them on (0 or false: off), else only when the output is a terminal.
export interface Colors {
  bold(s: string): string;
  dim(s: string): string;
  severity(severity: string, s: string): string;
}

const wrap = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const SEVERITY: Record<string, (s: string) => string> = {
  error: wrap(31, 39), warning: wrap(33, 39), info: wrap(34, 39), hint: wrap(2, 22),
};

export const COLORS: Colors = { bold: wrap(1, 22), dim: wrap(2, 22), severity: (sev, s) => (SEVERITY[sev] ?? ((x: string) => x))(s) };
export const NO_COLORS: Colors = { bold: (s) => s, dim: (s) => s, severity: (_, s) => s };

export function useColors(env: NodeJS.ProcessEnv, isTerminal: boolean): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !(force === "0" || force.toLowerCase() === "false");
  return isTerminal && env.TERM !== "dumb";
}
