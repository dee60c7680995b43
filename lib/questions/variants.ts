// Per-learner variants: a seed picks each `params` value (oneOf / integer range) with a small seeded
// generator, and `{{name}}` is substituted in every string of the question, YAML blocks included.
// Deterministic: the same (question, seed) always renders the same variant, on any machine.
import { PLACEHOLDER } from "./parse";
import type { TQuestion } from "./schema";

export type TParamValues = Record<string, string | number>;

/** A rendered question: placeholders substituted; `params` keeps the declarations, `values` the picks. */
export type TRenderedQuestion = TQuestion & { values: TParamValues };

/** 32-bit FNV-1a of a string: mixes a seed with a name so each param gets its own stream. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast, good enough for picking variants and shuffling choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A generator for one purpose ("param:name", "shuffle:choices") under one seed. */
export function streamFor(seed: number, purpose: string): () => number {
  return seededRandom(hashString(`${seed}:${purpose}`));
}

/**
 * The values of `q.params` for this seed. Each param draws from its own stream (seed + name), so
 * adding a param to a question does not change the values the others had.
 */
export function pickParams(q: Pick<TQuestion, "params">, seed: number): TParamValues {
  const values: TParamValues = {};
  for (const name of Object.keys(q.params ?? {}).sort()) {
    const p = q.params![name];
    const next = streamFor(seed, `param:${name}`);
    if ("oneOf" in p) values[name] = p.oneOf[Math.floor(next() * p.oneOf.length)];
    else {
      const [lo, hi] = p.range;
      values[name] = lo + Math.floor(next() * (hi - lo + 1));
    }
  }
  return values;
}

/** Replaces `{{name}}` in one string; unknown names are left as they are (the parser reports them). */
export function substitute(text: string, values: TParamValues): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function substituteDeep(value: unknown, values: TParamValues): unknown {
  if (typeof value === "string") return substitute(value, values);
  if (Array.isArray(value)) return value.map((v) => substituteDeep(v, values));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k === "params" ? k : substitute(k, values)] = k === "params" ? v : substituteDeep(v, values);
    return out;
  }
  return value;
}

/** The variant of `q` for `seed`: every string (keys too) with its placeholders substituted. */
export function renderQuestion(q: TQuestion, seed: number): TRenderedQuestion {
  const values = pickParams(q, seed);
  const rendered = Object.keys(values).length ? (substituteDeep(q, values) as TQuestion) : q;
  return { ...rendered, values };
}

/** Seeded Fisher–Yates shuffle (a copy). */
export function shuffleBySeed<T>(items: readonly T[], seed: number, purpose: string): T[] {
  const out = [...items];
  const next = streamFor(seed, `shuffle:${purpose}`);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
