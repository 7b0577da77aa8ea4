// The `tsk` settings as the server reads them, with what only the client knows added.
import * as vscode from "vscode";
import type { Middleware } from "vscode-languageclient/node";

export const settingsMiddleware: Middleware = {
  workspace: {
    configuration: async (params, token, next) => {
      const answers = await next(params, token);
      if (!Array.isArray(answers)) return answers;
      return params.items.map((item, i) => {
        const value = answers[i] as Record<string, unknown> | null;
        if (item.section !== "tsk" || !value || typeof value !== "object") return value;
        // VS Code already ignores workspace values of `tsk.schemas` in an untrusted workspace
        // (restrictedConfigurations); the server must also ignore `#!schema` paths there.
        return { ...value, workspaceTrusted: vscode.workspace.isTrusted };
      });
    },
  },
};
