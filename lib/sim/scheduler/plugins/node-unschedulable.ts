// Mirrors pkg/scheduler/framework/plugins/nodeunschedulable: a cordoned node (spec.unschedulable) only
// takes pods that tolerate the node.kubernetes.io/unschedulable:NoSchedule taint. Owns its reason string.
import type { FilterPlugin } from "../types";
import { unresolvable } from "../types";
import { toleratesTaint } from "./taint-toleration";

export const NAME = "NodeUnschedulable";
export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";

export const nodeUnschedulable: FilterPlugin = {
  name: NAME,
  filter(ctx, info) {
    if (!info.node.spec?.unschedulable) return null;
    const taint = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
    if ((ctx.pod.spec?.tolerations ?? []).some((t) => toleratesTaint(t, taint))) return null;
    return unresolvable(NAME, ERR_REASON_UNSCHEDULABLE);
  },
};
