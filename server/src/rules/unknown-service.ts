// A route, subscriber or dependency that names a service no config file defines goes nowhere.
import type { Rule } from "./rule";
import { didYouMean } from "../schemas/did-you-mean";

export const unknownService: Rule = {
  code: "unknown-service",
  severity: "warning",
  description: "A service name (route, subscriber, `depends_on`) that no `.tsk` file of the workspace defines.",
  workspaceWide: true,
  check({ references, services }) {
    return references
      .filter((r) => r.target === "services" && !services.has(r.name))
      .map((r) => {
        const guess = didYouMean(r.name, services.names());
        return {
          start: r.start, end: r.end,
          message: `no service '${r.name}' is defined under 'services' in any config file${guess ? `: did you mean '${guess}'?` : ""}`,
          ...(guess ? { data: { replacement: guess } } : {}),
        };
      });
  },
};
