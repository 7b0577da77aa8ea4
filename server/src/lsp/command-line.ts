// What `tsk-language-server` is asked on its command line, decided before a connection is made:
// vscode-languageserver throws "Connection input stream is not set" (a stack trace) when no
// transport is named, which is what a user who types the command to try it first sees.
import { VERSION } from "../version";
import { shownText } from "../syntax/shown-text";

export const SERVER_USAGE = `Usage: tsk-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The TuskLang (.tsk) language server, for any editor with an LSP client. The editor starts it
and talks to it; it is not run by hand. Tell your editor to run:

  tsk-language-server --stdio

Transports:
  --stdio          JSON-RPC over standard input and output (Neovim, Emacs, Helix, Sublime, ...)
  --node-ipc       Node's IPC channel, for a client that starts it as a Node child process
  --socket=PORT    connect to a socket the client listens on
  --pipe=NAME      connect to a named pipe the client listens on

Options:
  -h, --help       show this help
  -v, --version    show the version

Set-up for each editor: https://github.com/tsk-tools/tsk-vscode/blob/main/docs/editors.md
`;

const MORE = "Run 'tsk-language-server --help' for more.\n";

export type ServerStart =
  | { kind: "serve" }
  | { kind: "exit"; code: number; stdout?: string; stderr?: string };

/** `--clientProcessId`, which vscode-languageclient adds, is the client's business: it is accepted. */
export function readServerArguments(argv: readonly string[], hasIpcChannel: boolean): ServerStart {
  let transport: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "-h" || a === "--help") return { kind: "exit", code: 0, stdout: SERVER_USAGE };
    if (a === "-v" || a === "--version") return { kind: "exit", code: 0, stdout: `${VERSION}\n` };
    const name = a.includes("=") ? a.slice(0, a.indexOf("=")) : a;
    if (name === "--stdio" || name === "--node-ipc") transport ??= name;
    else if (name === "--socket" || name === "--pipe") {
      transport ??= name;
      if (!a.includes("=")) i++; // `--socket 5000`: the value is the next argument
    } else if (name !== "--clientProcessId") {
      return { kind: "exit", code: 2, stderr: `tsk-language-server: unknown option '${shownText(a)}'\n${MORE}` };
    }
  }
  if (transport === null) {
    return {
      kind: "exit", code: 2,
      stderr: `tsk-language-server: name a transport: --stdio (what editors use), --node-ipc, --socket=PORT or --pipe=NAME\n${MORE}`,
    };
  }
  if (transport === "--node-ipc" && !hasIpcChannel) {
    return { kind: "exit", code: 2, stderr: "tsk-language-server: --node-ipc needs a Node IPC channel: the client must start the server as a Node child process with one (a terminal has none; use --stdio)\n" };
  }
  return { kind: "serve" };
}
