// What every check reports: a problem on a range of one file, in absolute offsets.
import type { Severity } from "../syntax/nodes";

export interface RelatedPlace { start: number; end: number; message: string }

export interface Diagnostic {
  start: number;
  end: number;
  severity: Severity;
  /** A stable name for the rule, shown in brackets and used to configure or silence it. */
  code: string;
  message: string;
  related?: RelatedPlace[];
  /** "unnecessary" is drawn faded by editors. */
  tags?: ("unnecessary" | "deprecated")[];
  /** What a quick fix needs. */
  data?: {
    /** A name or value to write instead, quoted as the original was (`provider` for `provdier`). */
    replacement?: string;
    /** The exact text to write over the range (`true` for `"true"` where a boolean is wanted). */
    text?: string;
    /** A key the object at the range lacks, with the value to give it. */
    missing?: { name: string; value: string };
  };
}
