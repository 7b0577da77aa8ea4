// The SARIF 2.1.0 schema (OASIS; the copy @microsoft/jest-sarif ships), compiled with ajv.
import * as fs from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";

export function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(require.resolve("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json"), "utf8")) as Record<string, unknown>;
  // A draft-04 schema; what it uses reads the same in the draft ajv runs. One of its patterns
  // (language tags) is no valid regular expression with the u flag, as it is written.
  delete schema.$schema;
  delete schema.id;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
