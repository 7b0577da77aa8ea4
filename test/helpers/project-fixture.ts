// A project with a tsk.config.tsk, as the README's "Project configuration" shows it: the same
// files are checked by `tsk check` (test/cli/project-config.test.ts) and by the server
// (test/lsp/project-config.test.ts), which must agree.
export const PROJECT_CONFIG = [
  "# How tsk check, tsk format and the editor treat the .tsk files of this project",
  "rules {",
  '    retry-budget = "error"',
  '    unused-global = "off"',
  "}",
  "schemas {",
  '    "schemas/payments.schema.json" = ["billing/*.tsk"]',
  "}",
  "files {",
  '    exclude = ["generated/**"]',
  "}",
  "format {",
  "    indent = 2",
  "}",
  "",
].join("\n");

export const PROJECT_FILES: Record<string, string> = {
  "tsk.config.tsk": PROJECT_CONFIG,
  "schemas/payments.schema.json": JSON.stringify({
    $schema: "https://json-schema.org/draft/2020-12/schema", type: "object",
    properties: { currency: { enum: ["EUR", "USD"], description: "The currency payments are made in." } },
  }),
  "billing/pay.tsk": 'currency = "GBP"\n$unused = 1\n',
  "generated/out.tsk": "broken =\n",
  "gateway.tsk": [
    'service_mesh.traffic_policy.timeout = "10s"',
    "service_mesh.traffic_policy.retries = 3",
    'distributed_transactions.timeout = "30s"',
    "",
  ].join("\n"),
};
