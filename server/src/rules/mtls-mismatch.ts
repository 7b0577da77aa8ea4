// The mesh and the security section each say whether services talk mutual TLS; they must agree.
import { valueAt, sourceAt, type Rule } from "./rule";

export const mtlsMismatch: Rule = {
  code: "mtls-mismatch",
  severity: "warning",
  description: "`service_mesh.mtls` and `security.mutual_tls` disagree.",
  check({ instance }) {
    const mesh = valueAt(instance, ["service_mesh", "mtls"]);
    const security = valueAt(instance, ["security", "mutual_tls"]);
    if (typeof mesh !== "boolean" || typeof security !== "boolean" || mesh === security) return [];
    const at = sourceAt(instance, ["security", "mutual_tls"])!;
    const other = sourceAt(instance, ["service_mesh", "mtls"])!;
    return [{
      start: at.valueStart, end: at.valueEnd,
      message: `security.mutual_tls is ${security} but service_mesh.mtls is ${mesh}: say the same in both`,
      related: [{ start: other.valueStart, end: other.valueEnd, message: `service_mesh.mtls is ${mesh} here` }],
    }];
  },
};
