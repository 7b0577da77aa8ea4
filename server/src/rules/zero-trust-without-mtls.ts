// Zero trust means every call proves who makes it; without mutual TLS nothing does.
import { valueAt, sourceAt, type Rule } from "./rule";
import { mutualTlsOn } from "./mutual-tls";

export const zeroTrustWithoutMtls: Rule = {
  code: "zero-trust-without-mtls",
  severity: "warning",
  description: "`security.zero_trust = true` while mutual TLS is off.",
  check({ instance }) {
    if (valueAt(instance, ["security", "zero_trust"]) !== true || mutualTlsOn(instance)) return [];
    const at = sourceAt(instance, ["security", "zero_trust"])!;
    return [{
      start: at.valueStart, end: at.valueEnd,
      message: "zero trust is on but mutual TLS is off: set security.mutual_tls = true (or service_mesh.mtls = true)",
    }];
  },
};
