/// <reference types="mocha" />
// The extension in real VS Code: the workspace holds the guide's example and a broken file
// (test/vscode/workspace.ts writes it); everything is asked through the public `vscode` API.
import * as assert from "node:assert/strict";
import * as vscode from "vscode";

const folder = () => vscode.workspace.workspaceFolders![0].uri;
const file = (name: string) => vscode.Uri.joinPath(folder(), name);

/** The diagnostics of `uri` once `test` holds for them (the server answers asynchronously). */
async function diagnosticsOf(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (test(now)) return now;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`diagnostics never matched; last: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => d.message))}`));
    }, 30_000);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (test(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  return vscode.window.showTextDocument(doc);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === "object" ? String(d.code.value) : String(d.code));

describe("TSK in VS Code", () => {
  before(async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === "tsk-vscode");
    assert.ok(ext, "the extension is installed");
    await open("guide.tsk");
    assert.equal(vscode.window.activeTextEditor!.document.languageId, "tsk", ".tsk files are TSK");
    await ext.activate();
  });

  it("gives the guide's example no problem at all", async () => {
    const guide = file("guide.tsk");
    // Wait for the server's first answer: a broken file's diagnostics prove it is running.
    await open("broken.tsk");
    await diagnosticsOf(file("broken.tsk"), (d) => d.length > 0);
    assert.deepEqual(vscode.languages.getDiagnostics(guide).map((d) => d.message), []);
  });

  it("reports every mistake of a broken file, each on its range, in words", async () => {
    await open("broken.tsk");
    const found = await diagnosticsOf(file("broken.tsk"), (d) => d.length >= 5);
    const byCode = new Map(found.map((d) => [codeOf(d), d]));
    const unknown = byCode.get("unknown-value")!;
    assert.match(unknown.message, /did you mean 'consul'/);
    assert.equal(unknown.range.start.line, 3);
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(byCode.get("invalid-format")!.message, /is not a duration/);
    assert.match(byCode.get("unclosed-block")!.message, /'\{' opened on line 9 is never closed/);
    assert.match(byCode.get("expected-value")!.message, /expected a value after '='/);
    assert.equal(byCode.get("expected-value")!.severity, vscode.DiagnosticSeverity.Error);
  });

  it("updates the diagnostics when the text is edited", async () => {
    const editor = await open("broken.tsk");
    const line = editor.document.lineAt(3).text;
    const at = line.indexOf("consol");
    await editor.edit((b) => b.replace(new vscode.Range(3, at, 3, at + "consol".length), "consul"));
    const after = await diagnosticsOf(file("broken.tsk"), (d) => !d.some((x) => codeOf(x) === "unknown-value"));
    assert.ok(after.some((d) => codeOf(d) === "invalid-format"), "the other problems stay");
    await vscode.commands.executeCommand("undo");
    await diagnosticsOf(file("broken.tsk"), (d) => d.some((x) => codeOf(x) === "unknown-value"));
  });

  it("gives each token of the guide the scope of the grammar", async function () {
    // What VS Code's own colorizer tests read: text and scopes, token by token. Desktop VS Code
    // (npm run test:electron) has the command; the web build does not, and there
    // test/vscode/ui.test.ts reads the scopes from the token inspector instead.
    if (!(await vscode.commands.getCommands(true)).includes("_workbench.captureSyntaxTokens")) this.skip();
    const tokens = await vscode.commands.executeCommand<{ c: string; t: string }[]>("_workbench.captureSyntaxTokens", file("guide.tsk"));
    const scopeOf = (text: string) => tokens.find((t) => t.c === text)?.t ?? `no token '${text}'`;
    assert.match(scopeOf("microservices"), /support\.type\.property-name\.tsk/);
    assert.match(scopeOf("provider"), /support\.type\.property-name\.tsk/);
    assert.match(scopeOf("consul"), /string\.quoted\.double\.tsk/);
    assert.match(scopeOf("5"), /constant\.numeric\.integer\.tsk/);
    assert.match(scopeOf("true"), /constant\.language\.boolean\.tsk/);
    assert.match(scopeOf("{"), /punctuation\.\S*bracket\.curly\.tsk/);
  });

  it("completes the keys valid at the cursor, with their docs", async () => {
    const editor = await open("guide.tsk");
    const doc = editor.document;
    const line = doc.getText().split("\n").findIndex((l) => l.includes("health_check_interval"));
    const position = new vscode.Position(line, doc.lineAt(line).firstNonWhitespaceCharacterIndex);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>("vscode.executeCompletionItemProvider", doc.uri, position);
    const labels = list.items.map((i) => (typeof i.label === "string" ? i.label : i.label.label));
    assert.ok(labels.includes("namespace"), labels.join(", "));
    assert.ok(!labels.includes("provider"), "a key already there is not offered again");
    const item = list.items.find((i) => i.label === "namespace" || (typeof i.label === "object" && i.label.label === "namespace"))!;
    const docs = typeof item.documentation === "string" ? item.documentation : item.documentation?.value ?? "";
    assert.ok(docs.length > 20, "the key carries its description");
  });

  it("shows a key's description on hover", async () => {
    const editor = await open("guide.tsk");
    const doc = editor.document;
    const line = doc.getText().split("\n").findIndex((l) => l.includes("backoff"));
    const position = new vscode.Position(line, doc.lineAt(line).text.indexOf("backoff") + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", doc.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : c.value))).join("\n");
    assert.match(text, /microservices\.discovery\.retry_policy\.backoff/);
    assert.match(text, /exponential/);
  });

  it("goes to a global's definition in another file with F12", async () => {
    const editor = await open("app.tsk");
    const line = 1;
    const at = editor.document.lineAt(line).text.indexOf("$region");
    editor.selection = new vscode.Selection(line, at + 2, line, at + 2);
    // The workspace is indexed in the background: ask until the server knows the other file.
    for (let tries = 0; ; tries++) {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>("vscode.executeDefinitionProvider", editor.document.uri, editor.selection.active);
      if (found.length > 0) break;
      assert.ok(tries < 60, "a definition within 30 s");
      await new Promise((r) => setTimeout(r, 500));
    }
    await vscode.commands.executeCommand("editor.action.revealDefinition");
    const landed = vscode.window.activeTextEditor!;
    assert.equal(landed.document.uri.toString(), file("platform.tsk").toString());
    const target = landed.document.lineAt(landed.selection.active.line).text;
    assert.match(target, /^\$region = "eu-west-1"/);
    assert.equal(landed.selection.start.character, 0, "the target is the key itself");
  });

  it("formats a document: indentation by nesting, spaces around '='", async () => {
    const doc = await vscode.workspace.openTextDocument({ language: "tsk", content: "security {\nzero_trust=true\n}\n" });
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>("vscode.executeFormatDocumentProvider", doc.uri, { tabSize: 4, insertSpaces: true });
    const edit = new vscode.WorkspaceEdit();
    edit.set(doc.uri, edits);
    await vscode.workspace.applyEdit(edit);
    assert.equal(doc.getText(), "security {\n    zero_trust = true\n}\n");
  });

  it("outlines the guide, and fixes a misspelt value from the light bulb", async () => {
    const guide = await open("guide.tsk");
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>("vscode.executeDocumentSymbolProvider", guide.document.uri);
    assert.deepEqual(symbols.map((s) => s.name), ["microservices"]);
    assert.deepEqual(symbols[0].children.map((s) => s.name), ["discovery", "registry"]);
    const editor = await open("broken.tsk");
    const warning = (await diagnosticsOf(file("broken.tsk"), (d) => d.some((x) => codeOf(x) === "unknown-value"))).find((x) => codeOf(x) === "unknown-value")!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", editor.document.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Change to "consul"');
    await vscode.workspace.applyEdit(fix.edit!);
    assert.match(editor.document.lineAt(warning.range.start.line).text, /provider = "consul"/);
    await diagnosticsOf(file("broken.tsk"), (d) => !d.some((x) => codeOf(x) === "unknown-value"));
    await vscode.commands.executeCommand("undo");
    await diagnosticsOf(file("broken.tsk"), (d) => d.some((x) => codeOf(x) === "unknown-value"));
  });

  it("restarts the server on command and keeps serving", async () => {
    await vscode.commands.executeCommand("tsk.restartServer");
    const editor = await open("broken.tsk");
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), "# restarted\n"));
    const found = await diagnosticsOf(file("broken.tsk"), (d) => d.some((x) => codeOf(x) === "unknown-value" && x.range.start.line === 4));
    assert.ok(found.length >= 5);
    await vscode.commands.executeCommand("undo");
  });
});
