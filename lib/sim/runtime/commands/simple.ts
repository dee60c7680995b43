// true, false and pwd as standalone programs (/bin/true …); shells use their builtins first.
import type { CommandImpl } from "./types";

export const trueCmd: CommandImpl = function* () {
  return 0;
};
export const falseCmd: CommandImpl = function* () {
  return 1;
};
export const pwd: CommandImpl = function* (c) {
  c.io.out(`${c.cwd}\n`);
  return 0;
};
