// Mirrors pkg/scheduler/framework/plugins/nodename: a pod naming a node fits only that node. Owns its reason string.
import type { Pod } from "kubernetes-types/core/v1";
import type { FilterPlugin, NodeInfo } from "../types";
import { unresolvable } from "../types";

export const NAME = "NodeName";
export const ERR_REASON = "node(s) didn't match the requested node name";

export function fitsNodeName(pod: Pod, info: NodeInfo): boolean {
  return !pod.spec?.nodeName || pod.spec.nodeName === info.name;
}

export const nodeName: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    return fitsNodeName(ctx.pod, info) ? null : unresolvable(NAME, ERR_REASON);
  },
};
