// expr ARG OP ARG…: integer arithmetic, comparisons, `length STRING`, `STRING : REGEX`.
import type { CommandImpl } from "./types";
import { breToJs } from "./grep";
import { complain } from "./util";

export const expr: CommandImpl = function* (c) {
  const a = c.args;
  const isInt = (s: string) => /^-?\d+$/.test(s);
  let result: string;
  if (a[0] === "length" && a.length === 2) result = String(a[1].length);
  else if (a.length === 1) result = a[0];
  else if (a.length === 3) {
    const [x, op, y] = a;
    if (op === ":") {
      const m = new RegExp(`^${breToJs(y)}`).exec(x);
      result = m ? (m[1] ?? String(m[0].length)) : m === null && /\\\(/.test(y) ? "" : "0";
    } else if (["+", "-", "*", "/", "%"].includes(op)) {
      if (!isInt(x) || !isInt(y)) {
        complain(c, "non-integer argument");
        return 2;
      }
      const p = Number(x);
      const q = Number(y);
      if ((op === "/" || op === "%") && q === 0) {
        complain(c, "division by zero");
        return 2;
      }
      result = String(op === "+" ? p + q : op === "-" ? p - q : op === "*" ? p * q : op === "/" ? Math.trunc(p / q) : p % q);
    } else if (["=", "!=", "<", ">", "<=", ">="].includes(op)) {
      const numeric = isInt(x) && isInt(y);
      const cmp = numeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
      const v = { "=": cmp === 0, "!=": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[op as "="];
      result = v ? "1" : "0";
    } else {
      complain(c, "syntax error");
      return 2;
    }
  } else {
    complain(c, a.length === 0 ? "missing operand" : "syntax error");
    return 2;
  }
  c.io.out(`${result}\n`);
  return result === "0" || result === "" ? 1 : 0;
};
