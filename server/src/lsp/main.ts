// The server's entry point: bin/tsk-language-server.js runs it from out/, the extension from its bundle.
import { startServer } from "./server";
import { heapMode } from "./heap-mode";

heapMode.start();
startServer();
