// npm run bench — every benchmark of the project, one after another.
import { spawnSync } from "node:child_process";
import path from "node:path";

const benches = ["sim.bench.ts"];
let failed = false;
for (const b of benches) {
  console.log(`\n### ${b}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", path.join(__dirname, b)], { stdio: "inherit" });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
