// The @operators TuskLang's reference SDKs implement and its docs describe, and looking one up
// by name. The data is catalogue.json, read from cyber-boost/tusktsk at 34bc65a (its `source`
// and `sdks` say which files, and what counts as implemented).
import data from "./catalogue.json";

export interface OperatorParam {
  name: string;
  /** string, number, boolean, array, object, any, duration (`"5m"`), expression (evaluated by the operator). */
  type: string;
  doc: string;
  optional?: boolean;
  /** Takes any number of arguments from here on. */
  variadic?: boolean;
}

export interface Operator {
  name: string;
  /** "member": written `@request.field`; "bare": written alone, `@hostname`. Otherwise a call. */
  form?: "member" | "bare";
  /** The docs write it as methods only: `@toml.parse(…)`, `@toml.generate(…)`. */
  methods?: string[];
  params: OperatorParam[];
  returns: string;
  description: string;
  /** One line of TSK that uses it. */
  example: string;
  /** Keys of SDKS; empty when only the docs name it. */
  implementedBy: string[];
  /** Where SDKs differ from the signature, or do less than it says. */
  notes?: string[];
  /** Pages of the reference repository that describe it. */
  docs: string[];
}

export interface Sdk {
  name: string;
  /** The files of the reference repository its operators were read from. */
  files: string[];
  /** How it reads an operator. */
  reads: string;
}

export const OPERATORS: readonly Operator[] = data.operators as Operator[];
export const SDKS: Readonly<Record<string, Sdk>> = data.sdks;

const BY_NAME = new Map(OPERATORS.map((o) => [o.name, o]));

/** Names are case-sensitive, as in the SDKs: `@Query` and `@query` are different operators. */
export function operatorNamed(name: string): Operator | undefined {
  return BY_NAME.get(name);
}

export function operatorNames(): Iterable<string> {
  return BY_NAME.keys();
}
