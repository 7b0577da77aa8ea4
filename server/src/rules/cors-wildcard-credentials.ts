// Browsers refuse credentials with a wildcard origin: the pair means the config does not do what it says.
import { valueAt, sourceAt, type Rule } from "./rule";

export const corsWildcardCredentials: Rule = {
  code: "cors-wildcard-credentials",
  severity: "warning",
  description: "`allow_origins` holds \"*\" while `allow_credentials = true`: browsers refuse credentials for a wildcard origin.",
  check({ instance }) {
    const cors = ["api_gateway", "cors"];
    const origins = valueAt(instance, [...cors, "allow_origins"]);
    if (valueAt(instance, [...cors, "allow_credentials"]) !== true || !Array.isArray(origins)) return [];
    const credentials = sourceAt(instance, [...cors, "allow_credentials"]);
    return origins.flatMap((o, i) => {
      const s = sourceAt(instance, [...cors, "allow_origins", i]);
      if (o !== "*" || !s) return [];
      return [{
        start: s.valueStart, end: s.valueEnd,
        message: "a wildcard origin \"*\" with allow_credentials = true: browsers refuse such responses; list the allowed origins instead",
        related: credentials ? [{ start: credentials.valueStart, end: credentials.valueEnd, message: "credentials are allowed here" }] : undefined,
      }];
    });
  },
};
