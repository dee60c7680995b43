// The scheduler framework's shapes, after pkg/scheduler/framework/interface.go and types.go: a
// per-node view (NodeInfo), a Status with a code and reasons, and the Filter/Score plugin contracts
// that the small files under plugins/ implement.
import type { Node, Pod } from "kubernetes-types/core/v1";
import type { KubeObject } from "../core/types";
import type { ResourceList } from "./resources";

/** Resolvable failures may be fixed by preemption; unresolvable ones cannot (framework.Code). */
export type StatusCode = "Unschedulable" | "UnschedulableAndUnresolvable";

export type Status = { code: StatusCode; reasons: string[]; plugin: string };

/** What the scheduler's cache knows about one node: the node and the pods bound to it. */
export type NodeInfo = {
  node: Node;
  name: string;
  pods: Pod[];
  /** Sum of the bound pods' requests (resource helper PodRequests). */
  requested: ResourceList;
  /** The same with the non-zero defaults (100m CPU, 200Mi memory) used for scoring. */
  nonZeroRequested: ResourceList;
  allocatable: ResourceList;
  /** hostIP/protocol/hostPort triples in use. */
  usedPorts: HostPort[];
};

export type HostPort = { ip: string; protocol: string; port: number };

/** Read access the plugins need beyond the snapshot (Services, PVCs, StorageClasses, namespaces). */
export type Lister = {
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
};

/** One scheduling cycle's inputs; plugins cache their pre-computations in `state`. */
export type CycleContext = {
  pod: Pod;
  nodes: NodeInfo[];
  lister: Lister;
  state: Map<string, unknown>;
};

/** A PreFilter may narrow the candidate nodes (framework.PreFilterResult). */
export type PreFilterResult = { nodeNames: Set<string> };

export type FilterPlugin = {
  name: string;
  /** Pod-level checks before any node is looked at; a failure rejects every node at once. */
  preFilter?(ctx: CycleContext): Status | PreFilterResult | null;
  filter(ctx: CycleContext, node: NodeInfo): Status | null;
};

export type ScorePlugin = {
  name: string;
  weight: number;
  /** Returns false to skip scoring (framework.Skip) for this pod. */
  preScore?(ctx: CycleContext, feasible: NodeInfo[]): boolean;
  score(ctx: CycleContext, node: NodeInfo): number;
  normalize?(ctx: CycleContext, scores: number[]): number[];
};

export const MAX_NODE_SCORE = 100;

export function unschedulable(plugin: string, ...reasons: string[]): Status {
  return { code: "Unschedulable", reasons, plugin };
}

export function unresolvable(plugin: string, ...reasons: string[]): Status {
  return { code: "UnschedulableAndUnresolvable", reasons, plugin };
}

export function asPod(o: KubeObject): Pod {
  return o as unknown as Pod;
}

export function asNode(o: KubeObject): Node {
  return o as unknown as Node;
}
