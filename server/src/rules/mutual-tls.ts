// Whether the configuration turns mutual TLS on, in either place that can say so.
import { valueAt } from "./rule";
import type { Instance } from "../schemas/instance";

export function mutualTlsOn(instance: Instance): boolean {
  return valueAt(instance, ["security", "mutual_tls"]) === true || valueAt(instance, ["service_mesh", "mtls"]) === true;
}
