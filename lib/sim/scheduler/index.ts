// lib/sim/scheduler — the default-scheduler (installScheduler) and the pure functions other modules use:
// admitPodOnNode (kubelet admission), nodeAllocatedResources (kubectl describe node), schedulePod (tests).
export { installScheduler, SCHEDULER_NAME, SCHEDULING_GATED_MESSAGE } from "./scheduler";
export { admitPodOnNode, type AdmitResult } from "./admission";
export { nodeAllocatedResources, podRequestsAndLimits, type NodeAllocatedResources, type AllocatedRow, type PodResourceRow } from "./allocated";
export { schedulePod, type ScheduleResult } from "./framework";
export { podRequests, podLimits, type ResourceList } from "./resources";
export { toleratesTaint, findUntoleratedTaint } from "./plugins/taint-toleration";
export { matchesRequiredNodeAffinity } from "./plugins/node-selector";
export { backoffDuration, nextFlushAt } from "./queue";
