// The version users see in `tsk --version` and the server's info.
import { version } from "../../package.json";

export const VERSION: string = version;
