// tail [-n N | -N | -n +N] [-c N] [-f|-F] [FILE]: -f polls the file once a second (as busybox does) so
// a sidecar's `tail -f /var/log/app.log` shows what the main container appends; `tail -f /dev/null` blocks.
import type { CommandImpl } from "./types";
import { absolute } from "./types";
import { flagsOrUsage, lines, joinLines, readInputs } from "./util";

function lastLines(text: string, spec: string): string {
  const ls = lines(text);
  if (spec.startsWith("+")) return joinLines(ls.slice(Math.max(0, Number(spec.slice(1)) - 1)));
  const n = Math.abs(Number(spec));
  return joinLines(n === 0 ? [] : ls.slice(-n));
}

export const tail: CommandImpl = function* (c) {
  const args = c.args.map((a, i) => (/^\+\d+$/.test(a) && c.args[i - 1] !== "-n" ? `-n+${a.slice(1)}` : a));
  const f = flagsOrUsage({ ...c, args }, { bool: "fFqvs", value: "nc", long: { lines: "=n", bytes: "=c", follow: "=f", retry: "bool" }, numericFlag: "n" });
  if (!f) return 1;
  const spec = String(f.flags.n ?? "10");
  const follow = Boolean(f.flags.f || f.flags.F);
  const { chunks, failed } = readInputs(c, f.operands, "cannot-open");
  chunks.forEach((ch, i) => {
    if (chunks.length > 1) c.io.out(`${i ? "\n" : ""}==> ${ch.name === "-" ? "standard input" : ch.name} <==\n`);
    c.io.out(typeof f.flags.c === "string" ? ch.text.slice(-Number(f.flags.c)) : lastLines(ch.text, spec));
  });
  if (!follow) return failed ? 1 : 0;
  const file = f.operands[f.operands.length - 1];
  if (file === undefined || file === "-" || absolute(c, file) === "/dev/null" || failed) {
    for (;;) yield { kind: "wait" };
  }
  const path = absolute(c, file);
  let seen = chunks[chunks.length - 1]?.text.length ?? 0;
  for (;;) {
    yield { kind: "sleep", ms: 1000 };
    const now = c.proc.fs.readFile(path);
    if (!now.ok) continue;
    if (now.value.length < seen) {
      c.io.err(`tail: ${file}: file truncated\n`);
      seen = 0;
    }
    if (now.value.length > seen) {
      c.io.out(now.value.slice(seen));
      seen = now.value.length;
    }
  }
};
