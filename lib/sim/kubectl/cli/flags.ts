// A pflag/cobra-compatible argument parser for the kubectl emulator: `--flag=value`, `--flag value`,
// `-n value`, `-nvalue`, `-n=value`, grouped short booleans (`-it`), `--flag=false` for booleans,
// repeated flags for string arrays, and `--` ending the flags. Errors use cobra's exact words.

export type FlagType = "bool" | "string" | "int" | "stringArray" | "stringSlice" | "duration";

export type FlagSpec = {
  name: string;
  short?: string;
  type: FlagType;
  default?: string | number | boolean | string[];
  /** pflag's NoOptDefVal: `--dry-run` alone means `--dry-run=client`, `-o` never. */
  noOptDefault?: string;
  /** Printed as `Flag --record has been deprecated, <message>` on stderr when used. */
  deprecated?: string;
};

export type FlagValues = Record<string, string | number | boolean | string[] | undefined>;

export type ParsedArgs = {
  args: string[];
  /** Arguments after `--` (kept apart: exec/run use them as the container command). */
  dashArgs: string[];
  /** Whether `--` appeared at all. */
  hadDash: boolean;
  flags: FlagValues;
  /** Flags the user set explicitly. */
  changed: Set<string>;
  warnings: string[];
  /** Flags in the order given, as `name=value` (kubectl's --record renders them so). */
  given: { name: string; value: string }[];
};

export type ParseError = { error: string };

/** Go's strconv.ParseInt wording for bad integers, as pflag reports them. */
function parseIntFlag(name: string, raw: string): number | ParseError {
  if (!/^[+-]?\d+$/.test(raw)) return { error: `invalid argument "${raw}" for "${name}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax` };
  return Number(raw);
}

function parseBool(name: string, raw: string): boolean | ParseError {
  const v = raw.toLowerCase();
  if (["1", "t", "true"].includes(v)) return true;
  if (["0", "f", "false"].includes(v)) return false;
  return { error: `invalid argument "${raw}" for "${name}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax` };
}

/** Go's time.ParseDuration for the forms kubectl users type (`30s`, `1m30s`, `2h`, `500ms`); ms result. */
export function parseDuration(raw: string): number | undefined {
  if (/^\d+$/.test(raw)) return raw === "0" ? 0 : undefined;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    if (m.index !== consumed) return undefined;
    consumed += m[0].length;
    const n = Number(m[1]);
    total += n * { ns: 1e-6, us: 1e-3, "µs": 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] as "ms"];
  }
  return consumed === raw.length && consumed > 0 ? total : undefined;
}

export function parseFlags(argv: string[], specs: FlagSpec[], opts: { interspersed?: boolean } = {}): ParsedArgs | ParseError {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const flags: FlagValues = {};
  const changed = new Set<string>();
  const warnings: string[] = [];
  const args: string[] = [];
  const given: { name: string; value: string }[] = [];
  for (const s of specs) if (s.default !== undefined) flags[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;

  const set = (spec: FlagSpec, raw: string, display: string): ParseError | undefined => {
    if (spec.deprecated && !changed.has(spec.name)) warnings.push(`Flag --${spec.name} has been deprecated, ${spec.deprecated}`);
    let value: string | number | boolean | string[];
    switch (spec.type) {
      case "bool": {
        const b = parseBool(display, raw);
        if (typeof b === "object") return b;
        value = b;
        break;
      }
      case "int": {
        const n = parseIntFlag(display, raw);
        if (typeof n === "object") return n;
        value = n;
        break;
      }
      case "duration": {
        if (parseDuration(raw) === undefined) return { error: `invalid argument "${raw}" for "${display}" flag: time: invalid duration "${raw}"` };
        value = raw;
        break;
      }
      case "stringArray":
        value = [...(changed.has(spec.name) ? ((flags[spec.name] as string[]) ?? []) : []), raw];
        break;
      case "stringSlice":
        value = [...(changed.has(spec.name) ? ((flags[spec.name] as string[]) ?? []) : []), ...(raw === "" ? [] : raw.split(","))];
        break;
      default:
        value = raw;
    }
    flags[spec.name] = value;
    changed.add(spec.name);
    given.push({ name: spec.name, value: raw });
    return undefined;
  };

  let i = 0;
  let hadDash = false;
  let dashArgs: string[] = [];
  while (i < argv.length) {
    const tok = argv[i];
    if (tok === "--") {
      hadDash = true;
      dashArgs = argv.slice(i + 1);
      break;
    }
    if (tok.startsWith("--") && tok.length > 2) {
      const eq = tok.indexOf("=");
      const name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      const spec = byName.get(name);
      if (!spec) return { error: `unknown flag: --${name}` };
      const display = spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
      let raw: string;
      if (eq >= 0) raw = tok.slice(eq + 1);
      else if (spec.type === "bool") raw = "true";
      else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
      else if (i + 1 < argv.length) raw = argv[++i];
      else return { error: `flag needs an argument: --${name}` };
      const err = set(spec, raw, display);
      if (err) return err;
      i++;
      continue;
    }
    if (tok.startsWith("-") && tok.length > 1 && !/^-\d/.test(tok)) {
      // A group of shorthands: booleans may be chained; the first non-boolean takes the rest as value.
      let j = 1;
      while (j < tok.length) {
        const c = tok[j];
        const spec = byShort.get(c);
        if (!spec) return { error: `unknown shorthand flag: '${c}' in ${tok}` };
        const display = `-${spec.short}, --${spec.name}`;
        const rest = tok.slice(j + 1);
        if (spec.type === "bool") {
          if (rest.startsWith("=")) {
            const err = set(spec, rest.slice(1), display);
            if (err) return err;
            break;
          }
          const err = set(spec, "true", display);
          if (err) return err;
          j++;
          continue;
        }
        let raw: string;
        if (rest.startsWith("=")) raw = rest.slice(1);
        else if (rest.length) raw = rest;
        else if (spec.noOptDefault !== undefined) raw = spec.noOptDefault;
        else if (i + 1 < argv.length) raw = argv[++i];
        else return { error: `flag needs an argument: '${c}' in -${c}` };
        const err = set(spec, raw, display);
        if (err) return err;
        break;
      }
      i++;
      continue;
    }
    if (opts.interspersed === false) {
      args.push(...argv.slice(i));
      break;
    }
    args.push(tok);
    i++;
  }
  return { args, dashArgs, hadDash, flags, changed, warnings, given };
}

/** Splits a command line into words as a POSIX shell would (quotes, escapes), without expansion. */
export function splitCommandLine(line: string): { ok: true; words: string[] } | { ok: false; error: string } {
  const words: string[] = [];
  let cur = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) return { ok: false, error: "unexpected EOF while looking for matching `''" };
      cur += line.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i];
        if (c === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) {
          cur += line[i + 1];
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        cur += c;
        i++;
      }
      if (!closed) return { ok: false, error: 'unexpected EOF while looking for matching `"\'' };
      inWord = true;
      continue;
    }
    if (ch === "\\" && i + 1 < line.length) {
      cur += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === " " || ch === "\t" || ch === "\n") {
      if (inWord) words.push(cur);
      cur = "";
      inWord = false;
      i++;
      continue;
    }
    cur += ch;
    inWord = true;
    i++;
  }
  if (inWord) words.push(cur);
  return { ok: true, words };
}
