// `kubectl exec` and `kubectl logs` as the apiserver and kubelet answer them: the container is chosen and
// validated like the pods/log and pods/exec subresources do, the log source follows the kubelet's
// validateContainerLogStatus (kubelet_pods.go), and exec runs a new process inside the container.
import type { ExecResult, KubeletFacade, LogOptions } from "../cluster";
import { formatTime } from "../core/time";
import { formatRFC3339Nano } from "./format";
import { findRec } from "./containers";
import { execInContainer } from "./lifecycle";
import { agentFor, stopNode, startNode } from "./node-lifecycle";
import type { Instance, KubeletState, Obj, PodWorker } from "./state";

type Fail = { ok: false; error: string };

function workerFor(kl: KubeletState, pod: Obj): PodWorker | undefined {
  return kl.workers.get(pod.metadata.uid);
}

function names(list: Obj[] | undefined): string {
  return (list ?? []).map((c) => c.name).join(" ");
}

function dialError(kl: KubeletState, pod: Obj, path: string): string | undefined {
  const agent = kl.nodes.get(pod.spec?.nodeName ?? "");
  if (!agent || agent.running) return undefined;
  return `Get "https://${agent.hostIP}:10250/${path}": dial tcp ${agent.hostIP}:10250: connect: no route to host`;
}

export function execInPod(kl: KubeletState, ns: string, podName: string, container: string | undefined, argv: string[]): { ok: true; result: ExecResult } | Fail {
  const pod = kl.engine.store.get("pods", ns, podName) as Obj | undefined;
  if (!pod) return { ok: false, error: `pods "${podName}" not found` };
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return { ok: false, error: `cannot exec into a container in a completed pod; current phase is ${phase}` };
  const all: Obj[] = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  const name = container ?? pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ?? pod.spec?.containers?.[0]?.name;
  if (!all.some((c) => c.name === name)) return { ok: false, error: `container ${name} is not valid for pod ${podName}` };
  if (!pod.spec?.nodeName) return { ok: false, error: `pod ${podName} does not have a host assigned` };
  const dial = dialError(kl, pod, `exec/${ns}/${podName}/${name}`);
  if (dial) return { ok: false, error: `error dialing backend: ${dial.slice(dial.indexOf("dial tcp"))}` };
  const w = workerFor(kl, pod);
  const rec = w && findRec(w, name);
  const inst = rec?.instances[rec.instances.length - 1];
  if (!w || !rec || !inst || inst.finishedAt !== undefined) return { ok: false, error: `unable to upgrade connection: container not found ("${name}")` };
  const r = execInContainer(kl, w, rec, inst, argv, 10 * 60 * 1000);
  if (r.kind === "not-found") {
    const execId = kl.engine.rng.hex(64);
    return {
      ok: false,
      error: `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${r.message}: unknown`,
    };
  }
  return { ok: true, result: { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode } };
}

/** validateContainerLogStatus: which container's log a request reads, from the reported status. */
function logSource(pod: Obj, name: string, previous: boolean): { id: string } | Fail {
  const statuses: Obj[] = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])];
  const podName = pod.metadata.name;
  const s = statuses.find((x) => x.name === name);
  if (!s) return { ok: false, error: `container "${name}" in pod "${podName}" is waiting to start: ContainerCreating` };
  const idOf = (t: Obj | undefined) => (t?.containerID ? String(t.containerID).replace(/^containerd:\/\//, "") : "");
  const last = s.lastState?.terminated;
  const st = s.state ?? {};
  if (previous) {
    if (!last || !idOf(last)) return { ok: false, error: `previous terminated container "${name}" in pod "${podName}" not found` };
    return { id: idOf(last) };
  }
  if (st.running) return { id: String(s.containerID ?? "").replace(/^containerd:\/\//, "") };
  if (st.terminated) {
    if (idOf(st.terminated)) return { id: idOf(st.terminated) };
    if (last && idOf(last)) return { id: idOf(last) };
    return { ok: false, error: `container "${name}" in pod "${podName}" is terminated` };
  }
  if (last) {
    if (!idOf(last)) return { ok: false, error: `container "${name}" in pod "${podName}" is terminated` };
    return { id: idOf(last) };
  }
  const reason = st.waiting?.reason ?? "ContainerCreating";
  if (reason === "ErrImagePull") return { ok: false, error: `container "${name}" in pod "${podName}" is waiting to start: image can't be pulled` };
  if (reason === "ImagePullBackOff") return { ok: false, error: `container "${name}" in pod "${podName}" is waiting to start: trying and failing to pull image` };
  return { ok: false, error: `container "${name}" in pod "${podName}" is waiting to start: ${reason}` };
}

export function formatLogs(kl: KubeletState, inst: Instance, opts: LogOptions): string {
  const now = kl.engine.now();
  let lines = inst.logs.map((l) => ({ at: l.at, text: `${l.text}\n` }));
  for (const stream of ["stdout", "stderr"] as const) {
    if (inst.partial[stream]) lines.push({ at: now, text: inst.partial[stream] });
  }
  if (opts.sinceSeconds !== undefined) lines = lines.filter((l) => l.at >= now - opts.sinceSeconds! * 1000);
  if (opts.tailLines !== undefined && opts.tailLines >= 0) lines = opts.tailLines === 0 ? [] : lines.slice(-opts.tailLines);
  let text = lines.map((l) => (opts.timestamps ? `${formatRFC3339Nano(l.at, formatTime)} ${l.text}` : l.text)).join("");
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) {
    const bytes = new TextEncoder().encode(text);
    if (bytes.length > opts.limitBytes) text = new TextDecoder().decode(bytes.slice(0, opts.limitBytes));
  }
  return text;
}

export function podLogs(kl: KubeletState, ns: string, podName: string, container: string | undefined, opts: LogOptions): { ok: true; text: string } | Fail {
  const pod = kl.engine.store.get("pods", ns, podName) as Obj | undefined;
  if (!pod) return { ok: false, error: `pods "${podName}" not found` };
  const containers: Obj[] = pod.spec?.containers ?? [];
  const inits: Obj[] = pod.spec?.initContainers ?? [];
  let name = container;
  if (!name) {
    if (containers.length === 1) name = containers[0].name as string;
    else {
      let msg = `a container name must be specified for pod ${podName}, choose one of: [${names(containers)}]`;
      if (inits.length) msg += ` or one of the init containers: [${names(inits)}]`;
      return { ok: false, error: msg };
    }
  }
  if (![...containers, ...inits].some((c) => c.name === name)) return { ok: false, error: `container ${name} is not valid for pod ${podName}` };
  const dial = dialError(kl, pod, `containerLogs/${ns}/${podName}/${name}`);
  if (dial) return { ok: false, error: dial };
  const src = logSource(pod, name!, !!opts.previous);
  if ("ok" in src) return src;
  const w = workerFor(kl, pod);
  const rec = w && findRec(w, name!);
  const inst = rec?.instances.find((i) => i.id === src.id);
  // The container's log files are gone with it (pod deleted and recreated elsewhere): nothing to show.
  if (!inst) return { ok: true, text: "" };
  return { ok: true, text: formatLogs(kl, inst, opts) };
}

export function createFacade(kl: KubeletState): KubeletFacade {
  return {
    exec: (ns, pod, container, argv) => execInPod(kl, ns, pod, container, argv),
    logs: (ns, pod, container, opts) => podLogs(kl, ns, pod, container, opts),
    stopNode: (name) => {
      const agent = agentFor(kl, name);
      if (!agent) return false;
      stopNode(kl, agent);
      return true;
    },
    startNode: (name) => {
      const agent = agentFor(kl, name);
      if (!agent) return false;
      startNode(kl, agent);
      return true;
    },
  };
}
