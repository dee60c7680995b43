// Mirrors pkg/kubelet/lifecycle/predicate.go (Admit, generalFilter) and pkg/scheduler
// AdmissionCheck: the checks a kubelet repeats before running a pod bound to it — most importantly
// for pods whose spec.nodeName was set by hand and so never met the scheduler. The first failure
// decides: OutOf<resource> ("Node didn't have enough resource: cpu, requested: 5000, used: 850,
// capacity: 4000"), NodeAffinity, NodeName, NodePorts, then untolerated NoExecute taints.
import type { Node, Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../core/types";
import { buildNodeInfo, isTerminal } from "./node-info";
import { fits } from "./plugins/node-resources-fit";
import { matchesRequiredNodeAffinity } from "./plugins/node-selector";
import { ERR_REASON_POD as NODE_AFFINITY_REASON, NAME as NODE_AFFINITY } from "./plugins/node-affinity";
import { ERR_REASON as NODE_NAME_REASON, fitsNodeName, NAME as NODE_NAME } from "./plugins/node-name";
import { ERR_REASON as NODE_PORTS_REASON, fitsPorts, NAME as NODE_PORTS } from "./plugins/node-ports";
import { ERR_REASON_NOT_MATCH, findUntoleratedTaint, NAME as TAINT_TOLERATION } from "./plugins/taint-toleration";

export type AdmitResult =
  | { admit: true }
  | {
      admit: false;
      /** pod.status.reason: "OutOfcpu", "OutOfmemory", "OutOfpods", "NodeAffinity", "NodePorts", "TaintToleration"… */
      reason: string;
      /** The predicate's own text. */
      message: string;
      /** pod.status.message as the kubelet writes it (rejectPod): "Pod was rejected: " + message. */
      statusMessage: string;
    };

function reject(reason: string, message: string): AdmitResult {
  return { admit: false, reason, message, statusMessage: `Pod was rejected: ${message}` };
}

const predicate = (name: string, desc: string) => `Predicate ${name} failed: ${desc}`;

/**
 * `podsOnNode`: the pods the kubelet already runs (others are ignored: terminal pods, pods of other
 * nodes and the pod itself), so callers may pass every pod bound to the node.
 */
export function admitPodOnNode(podObj: KubeObject | Pod, nodeObj: KubeObject | Node, podsOnNode: (KubeObject | Pod)[]): AdmitResult {
  const pod = podObj as Pod;
  const node = nodeObj as Node;
  const uid = pod.metadata?.uid;
  const others = (podsOnNode as Pod[]).filter(
    (p) => !isTerminal(p) && (!uid || p.metadata?.uid !== uid) && !(p.metadata?.name === pod.metadata?.name && p.metadata?.namespace === pod.metadata?.namespace),
  );
  const info = buildNodeInfo(node, others);
  const insufficient = fits(pod, info);
  if (insufficient.length) {
    const r = insufficient[0];
    return reject(`OutOf${r.resourceName}`, `Node didn't have enough resource: ${r.resourceName}, requested: ${r.requested}, used: ${r.used}, capacity: ${r.capacity}`);
  }
  if (!matchesRequiredNodeAffinity(pod, node)) return reject(NODE_AFFINITY, predicate(NODE_AFFINITY, NODE_AFFINITY_REASON));
  if (!fitsNodeName(pod, info)) return reject(NODE_NAME, predicate(NODE_NAME, NODE_NAME_REASON));
  if (!fitsPorts(pod, info)) return reject(NODE_PORTS, predicate(NODE_PORTS, NODE_PORTS_REASON));
  if (findUntoleratedTaint(node.spec?.taints, pod.spec?.tolerations, (t) => t.effect === "NoExecute")) {
    return reject(TAINT_TOLERATION, predicate(TAINT_TOLERATION, ERR_REASON_NOT_MATCH));
  }
  return { admit: true };
}
