// Summarises a V8 .cpuprofile: the functions with the most self time and the most inclusive time.
import { readFileSync } from "node:fs";

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number };
const prof = JSON.parse(readFileSync(process.argv[2], "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const top = Number(process.argv[3] ?? 40);
const filter = process.argv[4];
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// For an esbuild bundle, map bundle lines back to the source file named by esbuild's `// path` comments.
const sources = new Map<string, { line: number; file: string }[]>();
function sourceOf(url: string, line: number): string {
  if (!url.endsWith(".js") || !url.startsWith("file://")) return url.replace(/^.*\/work\/main\//, "");
  let marks = sources.get(url);
  if (!marks) {
    marks = [];
    readFileSync(url.slice(7), "utf8").split("\n").forEach((l, i) => {
      const m = /^\/\/ ((?:lib|bench|node_modules)\/\S+)$/.exec(l);
      if (m) marks!.push({ line: i, file: m[1] });
    });
    sources.set(url, marks);
  }
  let file = url;
  let start = 0;
  for (const m of marks) {
    if (m.line > line) break;
    file = m.file;
    start = m.line;
  }
  return `${file}@${line - start}`;
}
const label = (n: Node) => `${n.callFrame.functionName || "(anon)"} ${sourceOf(n.callFrame.url, n.callFrame.lineNumber)}`;
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
for (let i = 0; i < prof.samples.length; i++) {
  const dt = prof.timeDeltas[i] ?? 0;
  let n = byId.get(prof.samples[i]);
  if (!n) continue;
  if (filter && !stackHas(n, filter)) continue;
  total += dt;
  self.set(label(n), (self.get(label(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (n) {
    const l = label(n);
    if (!seen.has(l)) {
      incl.set(l, (incl.get(l) ?? 0) + dt);
      seen.add(l);
    }
    const p = parent.get(n.id);
    n = p === undefined ? undefined : byId.get(p);
  }
}
function stackHas(n: Node | undefined, s: string): boolean {
  while (n) {
    if (label(n).includes(s)) return true;
    const p = parent.get(n.id);
    n = p === undefined ? undefined : byId.get(p);
  }
  return false;
}
const show = (m: Map<string, number>, title: string) => {
  console.log(`\n== ${title} (total ${(total / 1000).toFixed(0)} ms)`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
show(self, "self");
show(incl, "inclusive");
