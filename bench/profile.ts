// Profiling aid for the simulator benchmark: runs one manifest's timed region (apply + advance(600))
// many times, so `node --cpu-prof --import tsx bench/profile.ts <manifest> [runs]` shows where the time goes.
// `bench/profile-summary.ts <file.cpuprofile>` prints self and inclusive time per function.
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createCluster } from "../lib/sim";

const name = process.argv[2] ?? "pod-nginx.yaml";
const runs = Number(process.argv[3] ?? 300);
const text = readFileSync(path.join(process.env.KUBEDRILL_BENCH_DIR ?? __dirname, "manifests", name.endsWith(".yaml") ? name : `${name}.yaml`), "utf8");
// A named function, so that the profile summary can filter on the timed region (`timedRegion`).
function timedRegion(clusters: ReturnType<typeof createCluster>[]): void {
  for (const c of clusters) {
    c.apply(text);
    c.advance(600);
  }
}
let elapsed = 0;
// Clusters are made in batches outside the timed region (as the benchmark does), bounding memory.
for (let done = 0; done < runs; done += 100) {
  const clusters = Array.from({ length: Math.min(100, runs - done) }, (_, i) => createCluster({ seed: done + i }));
  const t0 = performance.now();
  timedRegion(clusters);
  elapsed += performance.now() - t0;
}
console.log(`${name}: ${(elapsed / runs).toFixed(3)} ms per run (mean of ${runs})`);
