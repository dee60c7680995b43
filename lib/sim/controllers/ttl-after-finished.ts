// Mirrors pkg/controller/ttlafterfinished/ttlafterfinished_controller.go: a finished Job with
// ttlSecondsAfterFinished is deleted (foreground propagation) that many seconds after it finished.
import type { Engine } from "../core/engine";
import { ControllerClient } from "./client";
import { splitKey, ts, type Obj } from "./controller-utils";

export const TTL_CONTROLLER = "ttl-after-finished";

/** The time a Job finished: its Complete or Failed condition's lastTransitionTime. */
export function jobFinishTime(job: Obj): number | undefined {
  const c = (job.status?.conditions ?? []).find((x: Obj) => (x.type === "Complete" || x.type === "Failed") && x.status === "True");
  return c ? ts(c.lastTransitionTime) : undefined;
}

export function installTtlAfterFinishedController(engine: Engine): void {
  engine.registerController({
    name: TTL_CONTROLLER,
    watches: [
      {
        resource: "jobs",
        keys: (c) => {
          const j = c.object as Obj;
          return c.type !== "DELETED" && j.spec?.ttlSecondsAfterFinished != null && jobFinishTime(j) !== undefined ? [`${j.metadata.namespace}/${j.metadata.name}`] : [];
        },
      },
    ],
    reconcile: (key, e) => {
      const [ns, name] = splitKey(key);
      const job = e.store.get("jobs", ns, name) as Obj | undefined;
      if (!job || job.metadata.deletionTimestamp || job.spec?.ttlSecondsAfterFinished == null) return;
      const finished = jobFinishTime(job);
      if (finished === undefined) return;
      const expireAt = finished + job.spec.ttlSecondsAfterFinished * 1000;
      if (e.now() < expireAt) {
        e.enqueueAfter(TTL_CONTROLLER, key, expireAt - e.now());
        return;
      }
      new ControllerClient(e, "ttl-after-finished-controller").delete("jobs", ns, name, { propagationPolicy: "Foreground", preconditionUid: job.metadata.uid });
    },
  });
}
