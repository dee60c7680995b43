// klog's text header for the one error kubectl v1.32 logs instead of printing: cobra's errors from flag
// validation (required flags) go through component-base/cli's run.go, `klog.ErrorS(err, "command failed")`:
//   E1123 18:21:37.385247   14545 run.go:72] "command failed" err="required flag(s) \"image\" not set"
// The time is the session's virtual clock (UTC) and the pid a fixed one, so transcripts stay deterministic.
import { utcFields } from "../../core/time";

/** The pid the simulated kubectl process reports in klog headers. */
export const KUBECTL_PID = 14545;

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Go's %q of a string (strconv.Quote) for the ASCII text kubectl's errors contain. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** `E<MMDD> <hh:mm:ss.uuuuuu> <pid> run.go:72] "command failed" err="<message>"` plus a newline. */
export function klogCommandFailed(nowMs: number, message: string): string {
  const t = utcFields(nowMs);
  const micros = pad((((nowMs % 1000) + 1000) % 1000) * 1000, 6);
  const header = `E${pad(t.month, 2)}${pad(t.day, 2)} ${pad(t.hour, 2)}:${pad(t.minute, 2)}:${pad(t.second, 2)}.${micros} ${String(KUBECTL_PID).padStart(7, " ")} run.go:72]`;
  return `${header} "command failed" err=${goQuote(message)}\n`;
}
