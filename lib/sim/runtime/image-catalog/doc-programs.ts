// Programs of the documentation images that only this catalog ships: perl (enough of it for the Jobs
// page's `perl -Mbignum=bpi -wle 'print bpi(2000)'`) and goproxy (the probes page's TCP/HTTP target).
import type { CommandContext, CommandImpl, Yield } from "../commands/types";
import { runDaemon, text } from "../commands/daemon";

/**
 * π to `digits` significant digits, rounded like Math::BigFloat's bpi: Machin's formula
 * π = 16·atan(1/5) − 4·atan(1/239) in fixed point with ten guard digits. Deterministic and exact.
 */
export function piDigits(digits: number): string {
  const guard = 10n;
  const scale = 10n ** (BigInt(digits) + guard);
  const atanInv = (x: bigint): bigint => {
    // atan(1/x) = 1/x − 1/(3x³) + 1/(5x⁵) − …
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let n = 3n, sign = -1n; term !== 0n; n += 2n, sign = -sign) {
      term /= x2;
      sum += (sign * term) / n;
    }
    return sum;
  };
  const pi = 16n * atanInv(5n) - 4n * atanInv(239n);
  // pi = 3.14… × 10^(digits-1+guard+1): keep `digits` significant digits, rounding half up.
  const shift = 10n ** (guard + 1n);
  const rounded = (pi + shift / 2n) / shift;
  const s = rounded.toString();
  return s.length > 1 ? `${s[0]}.${s.slice(1)}` : s;
}

/** Virtual time perl spends on bpi(n): the Jobs page's pod runs for a few seconds (≈ 8 s for 2000 digits). */
export const bpiMillis = (n: number) => Math.round((n * n) / 500);

function unescapePerl(s: string): string {
  return s.replace(/\\([nt\\"$@])/g, (_m, c: string) => ({ n: "\n", t: "\t" })[c] ?? c);
}

type Statement = { kind: "print"; parts: ({ kind: "bpi"; n: number } | { kind: "text"; value: string })[] } | { kind: "sleep"; seconds: number } | { kind: "exit"; code: number };

/** The statements the documentation uses: print of strings, numbers and bpi(N); sleep; exit. */
function parseProgram(code: string, modules: string[]): { ok: true; statements: Statement[] } | { ok: false; near: string } {
  const statements: Statement[] = [];
  for (const raw of code.split(";")) {
    const stmt = raw.trim();
    if (!stmt) continue;
    let m: RegExpExecArray | null;
    if ((m = /^sleep\s*\(?\s*(\d+)\s*\)?$/.exec(stmt))) statements.push({ kind: "sleep", seconds: Number(m[1]) });
    else if ((m = /^exit\s*\(?\s*(\d*)\s*\)?$/.exec(stmt))) statements.push({ kind: "exit", code: Number(m[1] || 0) });
    else if ((m = /^print\s+(.+)$/s.exec(stmt))) {
      const parts: Extract<Statement, { kind: "print" }>["parts"] = [];
      for (const item of m[1].split(/\s*[,.]\s*(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
        let p: RegExpExecArray | null;
        if ((p = /^bpi\s*\(\s*(\d+)\s*\)$/.exec(item)) && modules.some((x) => /^bignum(=|$)/.test(x) || /^Math::BigFloat/.test(x))) parts.push({ kind: "bpi", n: Number(p[1]) });
        else if ((p = /^"((?:[^"\\]|\\.)*)"$/.exec(item))) parts.push({ kind: "text", value: unescapePerl(p[1]) });
        else if ((p = /^'([^']*)'$/.exec(item))) parts.push({ kind: "text", value: p[1] });
        else if (/^-?\d+(\.\d+)?$/.test(item)) parts.push({ kind: "text", value: String(Number(item)) });
        else return { ok: false, near: item };
      }
      statements.push({ kind: "print", parts });
    } else return { ok: false, near: stmt };
  }
  return { ok: true, statements };
}

export const perl: CommandImpl = function* (c: CommandContext): Generator<Yield, number, unknown> {
  const modules: string[] = [];
  let code: string | undefined;
  let newline = false;
  let debug = false;
  for (let i = 0; i < c.args.length; i++) {
    const a = c.args[i];
    if (a === "-v" || a === "--version") {
      c.io.out(`\nThis is perl 5, version 34, subversion 0 (v${c.image.versions.perl ?? "5.34.0"}) built for x86_64-linux-gnu\n\nCopyright 1987-2021, Larry Wall\n`);
      return 0;
    }
    if (a.startsWith("-M")) {
      modules.push(a.slice(2) || c.args[++i] || "");
      continue;
    }
    if (/^-[wlde]+$/.test(a) || /^-[wld]*[eE]$/.test(a)) {
      if (a.includes("l")) newline = true;
      if (a.includes("d")) debug = true;
      if (/[eE]$/.test(a)) code = c.args[++i] ?? "";
      continue;
    }
    if (/^-de?0$/.test(a)) {
      debug = true;
      continue;
    }
    if (code === undefined) {
      c.io.err(`Can't open perl script "${a}": No such file or directory\n`);
      return 2;
    }
  }
  if (debug && code === undefined) {
    // `perl5.34.0 -de0` (the image's CMD) without a terminal: the debugger starts and reads EOF.
    c.io.out("\nLoading DB routines from perl5db.pl version 1.60\nEditor support available.\n\nEnter h or 'h h' for help, or 'man perldebug' for more help.\n\nmain::(-e:1):\t0\n");
    return 0;
  }
  const parsed = parseProgram(code ?? "", modules);
  if (!parsed.ok) {
    c.io.err(`syntax error at -e line 1, near "${parsed.near}"\nExecution of -e aborted due to compilation errors.\n`);
    return 255;
  }
  for (const s of parsed.statements) {
    if (s.kind === "sleep") yield { kind: "sleep", ms: s.seconds * 1000 };
    else if (s.kind === "exit") return s.code;
    else {
      let out = "";
      for (const p of s.parts) {
        if (p.kind === "text") out += p.value;
        else {
          yield { kind: "sleep", ms: bpiMillis(p.n) };
          out += piDigits(p.n);
        }
      }
      c.io.out(newline ? `${out}\n` : out);
    }
  }
  return 0;
};

/** elazarl/goproxy's example proxy on :8080; a direct (non-proxy) request gets its 500 answer. */
export const goproxy: CommandImpl = function* (c) {
  return yield* runDaemon(c, {
    ports: [{ port: 8080, handler: { http: () => text(500, "This is a proxy server. Does not respond to non-proxy requests.\n"), tcp: () => ({}) } }],
    // A Go program without signal handlers as PID 1: the runtime cannot die from the re-raised signal and exits 2.
    onSignal: (sig) => (sig === "HUP" ? null : 2),
  });
};
