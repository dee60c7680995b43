// Mirrors pkg/scheduler/framework/plugins/nodeports: a pod's hostPorts must be free on the node; a
// wildcard hostIP (0.0.0.0) conflicts with every IP on the same protocol and port. Owns its reason string.
import type { Pod } from "kubernetes-types/core/v1";
import type { FilterPlugin, HostPort, NodeInfo } from "../types";
import { unschedulable } from "../types";
import { podHostPorts } from "../node-info";

export const NAME = "NodePorts";
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

function conflicts(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === "0.0.0.0" || b.ip === "0.0.0.0" || a.ip === b.ip;
}

export function fitsPorts(pod: Pod, info: NodeInfo): boolean {
  const wanted = podHostPorts(pod);
  return !wanted.some((w) => info.usedPorts.some((u) => conflicts(w, u)));
}

export const nodePorts: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    return fitsPorts(ctx.pod, info) ? null : unschedulable(NAME, ERR_REASON);
  },
};
