// Helpers shared by the userland commands: busybox vs GNU error wording, reading operands or stdin.
import { ERRNO_TEXT, type Errno } from "../vfs";
import { parseFlags, type FlagResult, type FlagSpec } from "./flags";
import { absolute, type CommandContext } from "./types";

export const progName = (c: Pick<CommandContext, "name">) => c.name.slice(c.name.lastIndexOf("/") + 1);

export function complain(c: CommandContext, message: string): void {
  c.io.err(`${progName(c)}: ${message}\n`);
}

/** Parses flags; on error prints `prog: invalid option -- 'z'` plus the flavour's usage hint and returns null. */
export function flagsOrUsage(c: CommandContext, spec: FlagSpec): (FlagResult & { ok: true })["value"] | null {
  const r = parseFlags(c.args, spec);
  if (r.ok) return r.value;
  const name = progName(c);
  c.io.err(`${name}: ${r.message}\n${c.flavor === "gnu" ? `Try '${name} --help' for more information.\n` : `BusyBox v${c.image.versions.busybox || "1.36.1"} multi-call binary.\n\nUsage: ${name} [OPTIONS]\n`}`);
  return null;
}

/** `can't open 'x': …` (busybox) or `x: …` (GNU) style file errors. */
export function openError(c: CommandContext, file: string, errno: Errno, gnuStyle: "plain" | "cannot-open" = "plain"): void {
  const text = ERRNO_TEXT[errno];
  if (c.flavor === "busybox") complain(c, `can't open '${file}': ${text}`);
  else if (gnuStyle === "cannot-open") complain(c, `cannot open '${file}' for reading: ${text}`);
  else complain(c, `${file}: ${text}`);
}

/** Concatenated input of the operands (stdin for none or "-"); failed files are reported and skipped. */
export function readInputs(c: CommandContext, files: string[], gnuStyle: "plain" | "cannot-open" = "plain"): { chunks: { name: string; text: string }[]; failed: boolean } {
  if (files.length === 0) return { chunks: [{ name: "-", text: c.io.stdin }], failed: false };
  const chunks: { name: string; text: string }[] = [];
  let failed = false;
  for (const f of files) {
    if (f === "-") { chunks.push({ name: "-", text: c.io.stdin }); continue; }
    const r = c.proc.fs.readFile(absolute(c, f));
    if (!r.ok) {
      if (r.errno === "EISDIR") complain(c, c.flavor === "busybox" ? `read error: Is a directory` : `${f}: Is a directory`);
      else openError(c, f, r.errno, gnuStyle);
      failed = true;
      continue;
    }
    chunks.push({ name: f, text: r.value });
  }
  return { chunks, failed };
}

/** Splits text into lines without the trailing empty element a final newline produces. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const parts = text.split("\n");
  if (parts[parts.length - 1] === "") parts.pop();
  return parts;
}

export const joinLines = (ls: string[]) => (ls.length ? `${ls.join("\n")}\n` : "");

/** Durations: "3600", "1.5", "10s", "5m", "2h", "1d", "infinity" (sleep, timeout, wget -T). */
export function parseDuration(s: string): number | null {
  if (s === "infinity" || s === "inf") return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  const mult = { "": 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as ""];
  return Math.round(Number(m[1]) * mult);
}

/** Writes command output to a path, honouring /dev/null, /dev/stdout and /dev/stderr (tee, wget -O, curl -o). */
export function writeTarget(c: CommandContext, path: string, data: string, append = false): { ok: true } | { ok: false; errno: Errno } {
  const resolved = c.proc.fs.resolve(absolute(c, path));
  const real = resolved.ok ? resolved.value : absolute(c, path);
  if (real === "/dev/null") return { ok: true };
  if (real === "/dev/stdout" || real === "/proc/self/fd/1") { c.io.out(data); return { ok: true }; }
  if (real === "/dev/stderr" || real === "/proc/self/fd/2") { c.io.err(data); return { ok: true }; }
  const r = c.proc.fs.writeFile(absolute(c, path), data, { append });
  return r.ok ? { ok: true } : r;
}
