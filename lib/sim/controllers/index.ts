// kube-controller-manager: installs every controller of lib/sim into a cluster's engine.
import type { Engine } from "../core/engine";
import { installReplicaSetController } from "./replica-set";
import { installDeploymentController } from "./deployment/deployment-controller";
import { installEndpointsController } from "./endpoints";
import { installEndpointSliceController } from "./endpoint-slice";
import { installGarbageCollector } from "./garbage-collector";
import { installNamespaceController } from "./namespace";
import { installJobController } from "./job";
import { installTtlAfterFinishedController } from "./ttl-after-finished";
import { installCronJobController } from "./cronjob";
import { installStatefulSetController } from "./stateful-set";
import { installDaemonSetController } from "./daemon-set";
import { installPersistentVolumeController } from "./persistent-volume";

export function installControllers(engine: Engine): void {
  installReplicaSetController(engine);
  installDeploymentController(engine);
  installEndpointsController(engine);
  installEndpointSliceController(engine);
  installGarbageCollector(engine);
  installNamespaceController(engine);
  installJobController(engine);
  installTtlAfterFinishedController(engine);
  installCronJobController(engine);
  installStatefulSetController(engine);
  installDaemonSetController(engine);
  installPersistentVolumeController(engine);
}

export { findRevision, rolloutHistory, rollbackDeployment, ownedReplicaSets } from "./deployment/rollback";
export { recordedActions, startRecording, type Action } from "./client";
export { parseSchedule, nextTime, zoneOffsetMs, type CronSchedule } from "./cron-schedule";
export { computeHash, getPodsToDelete, isPodAvailable, isPodReady } from "./controller-utils";
export { resolveFenceposts, REVISION_ANNOTATION, CHANGE_CAUSE_ANNOTATION, POD_TEMPLATE_HASH_LABEL } from "./deployment/util";
export { nodeShouldRunDaemonPod } from "./node-eligibility";
