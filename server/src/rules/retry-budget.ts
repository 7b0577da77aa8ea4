// Retries that cannot finish before the transaction times out are retries that never help.
import { valueAt, sourceAt, type Rule } from "./rule";
import { durationMs, formatMs } from "./duration";

export const retryBudget: Rule = {
  code: "retry-budget",
  severity: "warning",
  description: "`service_mesh.traffic_policy.timeout × (retries + 1)` exceeds `distributed_transactions.timeout`.",
  check({ instance }) {
    const policy = ["service_mesh", "traffic_policy"];
    const timeout = durationMs(valueAt(instance, [...policy, "timeout"]));
    const retries = valueAt(instance, [...policy, "retries"]);
    const budget = durationMs(valueAt(instance, ["distributed_transactions", "timeout"]));
    if (timeout === null || budget === null || typeof retries !== "number") return [];
    const total = timeout * (retries + 1);
    if (total <= budget) return [];
    const at = sourceAt(instance, [...policy, "timeout"])!;
    const tx = sourceAt(instance, ["distributed_transactions", "timeout"])!;
    return [{
      start: at.valueStart, end: at.valueEnd,
      message: `${retries + 1} tries of ${formatMs(timeout)} take up to ${formatMs(total)}, longer than the transaction timeout of ${formatMs(budget)}`,
      related: [{ start: tx.valueStart, end: tx.valueEnd, message: `the transaction times out after ${formatMs(budget)}` }],
    }];
  },
};
