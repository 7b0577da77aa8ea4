// A full garbage collection between timed runs, so that one run does not pay for the
// garbage of the one before. `npm run bench` starts node without --expose-gc; V8 lets a
// running process turn the flag on, and a fresh context then sees `gc`.
import * as v8 from "node:v8";
import * as vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const collect = vm.runInNewContext("gc") as (() => void) | undefined;

export function fullGc(): void {
  collect?.();
}
