// Declarative option parsing shared by all commands (getopt-style short flags, GNU long options).

export type FlagSpec = {
  /** Short boolean flags, e.g. "rfv". */
  bool?: string;
  /** Short flags taking a value, e.g. "nO". */
  value?: string;
  /** Long options: name → "bool" | "value"; aliases map to a short letter with "=x". */
  long?: Record<string, "bool" | "value" | `=${string}`>;
  /** Stop at the first operand (like busybox for `env`, `timeout`, `nice`). */
  stopAtOperand?: boolean;
  /** Accept `-5`-style numeric flags (head -5, tail -20) as value of this short flag. */
  numericFlag?: string;
};

export type ParsedFlags = { flags: Record<string, string | true>; repeated: Record<string, string[]>; operands: string[] };
export type FlagResult = { ok: true; value: ParsedFlags } | { ok: false; message: string };

export function parseFlags(args: readonly string[], spec: FlagSpec): FlagResult {
  const flags: Record<string, string | true> = {};
  const repeated: Record<string, string[]> = {};
  const operands: string[] = [];
  const set = (k: string, v: string | true) => {
    flags[k] = v;
    if (typeof v === "string") (repeated[k] ??= []).push(v);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--") { operands.push(...args.slice(i + 1)); break; }
    if (a.startsWith("--") && spec.long) {
      const eq = a.indexOf("=");
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const kind = spec.long[name];
      if (!kind) return { ok: false, message: `unrecognized option '${a}'` };
      if (kind.startsWith("=")) {
        const short = kind.slice(1);
        if (spec.value?.includes(short)) {
          const v = eq !== -1 ? a.slice(eq + 1) : args[++i];
          if (v === undefined) return { ok: false, message: `option '--${name}' requires an argument` };
          set(short, v);
        } else set(short, true);
        continue;
      }
      if (kind === "value") {
        const v = eq !== -1 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { ok: false, message: `option '--${name}' requires an argument` };
        set(name, v);
      } else set(name, true);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      if (spec.numericFlag && /^-\d+$/.test(a)) { set(spec.numericFlag, a.slice(1)); continue; }
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (spec.value?.includes(ch)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) return { ok: false, message: `option requires an argument -- '${ch}'` };
          set(ch, v);
          break;
        }
        if (spec.bool?.includes(ch)) { set(ch, true); continue; }
        return { ok: false, message: `invalid option -- '${ch}'` };
      }
      continue;
    }
    operands.push(a);
    if (spec.stopAtOperand) { operands.push(...args.slice(i + 1)); break; }
  }
  return { ok: true, value: { flags, repeated, operands } };
}

/** The usage tail busybox and coreutils print after an option error. */
export function usageHint(name: string, flavor: "busybox" | "gnu"): string {
  return flavor === "gnu" ? `Try '${name} --help' for more information.\n` : `BusyBox v1.36.1 multi-call binary.\n\nUsage: ${name} [OPTIONS]\n`;
}
