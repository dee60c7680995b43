// npm run bench:sim — for typical task manifests: parse + validate + simulate 10 virtual minutes,
// as median and p99 per manifest, and as a ratio to js-yaml parsing alone of the same text.
// Targets (issue 3): median ≤ 1 ms per manifest and ≤ 20× parse-only. A fresh cluster per run is
// measured separately (grading creates one per answer).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import yaml from "js-yaml";
import { createCluster } from "../lib/sim";

const DIR = path.join(__dirname, "manifests");
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function measure(fn: () => void): number[] {
  for (let i = 0; i < WARMUP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return samples.sort((a, b) => a - b);
}

type Row = { manifest: string; parseMedianMs: number; simMedianMs: number; simP99Ms: number; ratio: number; clusterMedianMs: number; ok: boolean };

function main(): void {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();
  const rows: Row[] = [];
  const clusterSamples = measure(() => createCluster({ seed: 1 }));
  for (const f of files) {
    const text = readFileSync(path.join(DIR, f), "utf8");
    const parse = measure(() => yaml.loadAll(text));
    let ok = true;
    // The cluster is created outside the timed region: a grading worker keeps a pool of fresh ones.
    const sim: number[] = [];
    for (let i = 0; i < WARMUP + ITERATIONS; i++) {
      const cluster = createCluster({ seed: i });
      const t0 = performance.now();
      const results = cluster.apply(text);
      const adv = cluster.advance(600);
      const dt = performance.now() - t0;
      if (results.some((r) => !r.ok) || !adv.ok) ok = false;
      if (i >= WARMUP) sim.push(dt);
    }
    sim.sort((a, b) => a - b);
    const parseMedian = percentile(parse, 0.5);
    const simMedian = percentile(sim, 0.5);
    rows.push({
      manifest: f,
      parseMedianMs: round(parseMedian),
      simMedianMs: round(simMedian),
      simP99Ms: round(percentile(sim, 0.99)),
      ratio: round(simMedian / parseMedian),
      clusterMedianMs: round(percentile(clusterSamples, 0.5)),
      ok,
    });
  }
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  console.log(`kubedrill simulator benchmark — ${ITERATIONS} runs per manifest, 10 virtual minutes each`);
  console.log(`${"manifest".padEnd(28)}${pad("parse p50", 11)}${pad("sim p50", 10)}${pad("sim p99", 10)}${pad("× parse", 10)}  valid`);
  for (const r of rows) {
    console.log(`${r.manifest.padEnd(28)}${pad(r.parseMedianMs.toFixed(3), 11)}${pad(r.simMedianMs.toFixed(3), 10)}${pad(r.simP99Ms.toFixed(3), 10)}${pad(r.ratio.toFixed(1), 10)}  ${r.ok ? "yes" : "NO"}`);
  }
  const medians = rows.map((r) => r.simMedianMs).sort((a, b) => a - b);
  const overall = percentile(medians, 0.5);
  const maxRatio = Math.max(...rows.map((r) => r.ratio));
  console.log(`createCluster() p50: ${percentile(clusterSamples, 0.5).toFixed(3)} ms, p99: ${percentile(clusterSamples, 0.99).toFixed(3)} ms`);
  console.log(`median of per-manifest medians: ${overall.toFixed(3)} ms (target ≤ 1 ms); worst ratio to parse-only: ${maxRatio.toFixed(1)}× (target ≤ 20×)`);
  if (process.argv.includes("--json")) console.log(JSON.stringify({ rows, overallMedianMs: overall, maxRatio }));
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

main();
