import { describe, expect, it } from "vitest";
import { advance, eventTrace, makePod, newCluster, pod, podStatusColumn } from "./testing";

describe("kubelet: pull, start, run", () => {
  it("runs nginx: ContainerCreating while pulling, then Running with full status", () => {
    const c = newCluster();
    c.apply(makePod("web", { containers: [{ name: "nginx", image: "nginx" }] }));
    expect(podStatusColumn(pod(c, "web"))).toBe("ContainerCreating");
    const creating = pod(c, "web").status;
    expect(creating.phase).toBe("Pending");
    expect(creating.containerStatuses[0]).toMatchObject({ image: "nginx", imageID: "", ready: false, restartCount: 0, started: false, state: { waiting: { reason: "ContainerCreating" } } });
    expect(creating.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual([
      "PodReadyToStartContainers=True",
      "Initialized=True",
      "Ready=False",
      "ContainersReady=False",
      "PodScheduled=True",
    ]);
    expect(creating.conditions[2]).toMatchObject({ reason: "ContainersNotReady", message: "containers with unready status: [nginx]" });
    advance(c, 10);
    const s = pod(c, "web").status;
    expect(s.phase).toBe("Running");
    expect(s.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(s.hostIP).toBe("172.30.2.2");
    expect(s.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.containerStatuses[0].image).toBe("docker.io/library/nginx:latest");
    expect(s.containerStatuses[0].imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(s.containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0, lastState: {} });
    expect(eventTrace(c, "web")).toEqual([
      '0s Normal Pulling: Pulling image "nginx"',
      expect.stringMatching(/^3s Normal Pulled: Successfully pulled image "nginx" in 3\.\d+s \(3\.\d+s including waiting\)\. Image size: \d+ bytes\.$/),
      "3s Normal Created: Created container: nginx",
      "3s Normal Started: Started container nginx",
    ]);
  });

  it("reuses the node's image cache with IfNotPresent and serializes pulls", () => {
    const c = newCluster();
    c.apply(makePod("a", { containers: [{ name: "c", image: "nginx:1.25" }] }));
    c.apply(makePod("b", { containers: [{ name: "c", image: "redis:7" }] }));
    advance(c, 30);
    c.apply(makePod("d", { containers: [{ name: "c", image: "nginx:1.25" }] }));
    advance(c, 1);
    expect(eventTrace(c, "d")).toContain('30s Normal Pulled: Container image "nginx:1.25" already present on machine');
    const pulled = eventTrace(c, "b").find((e) => e.includes("Successfully pulled"))!;
    // redis waited for nginx's pull: its "including waiting" time is longer than its own pull.
    const m = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(pulled)!;
    expect(Number(m[2])).toBeGreaterThan(Number(m[1]));
  });

  it("Completed / Error with restartPolicy Never", () => {
    const c = newCluster();
    c.apply(makePod("ok", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "echo hi; sleep 2"] }] }));
    c.apply(makePod("bad", { restartPolicy: "Never", containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "exit 3"] }] }));
    advance(c, 20);
    expect(podStatusColumn(pod(c, "ok"))).toBe("Completed");
    expect(pod(c, "ok").status.phase).toBe("Succeeded");
    expect(pod(c, "ok").status.conditions.find((x: { type: string }) => x.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
    expect(podStatusColumn(pod(c, "bad"))).toBe("Error");
    expect(pod(c, "bad").status.phase).toBe("Failed");
    expect(pod(c, "bad").status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    const logs = c.logs("default", "ok", undefined, {});
    expect(logs.ok && logs.text).toBe("hi\n");
  });

  it("CrashLoopBackOff: restarts after 10, 20, 40, 80, 160, 300 s back-off", () => {
    const c = newCluster();
    c.apply(makePod("crash", { containers: [{ name: "c", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] }] }));
    const restartsAt: number[] = [];
    let last = 0;
    for (let t = 1; t <= 1000; t++) {
      advance(c, 1);
      const n = pod(c, "crash").status.containerStatuses[0].restartCount;
      if (n !== last) restartsAt.push(t);
      last = n;
      if (t === 40) {
        const p = pod(c, "crash");
        expect(podStatusColumn(p)).toBe("CrashLoopBackOff");
        expect(p.status.phase).toBe("Running");
        expect(p.status.containerStatuses[0].state.waiting.message).toMatch(/^back-off 40s restarting failed container=c pod=crash_default\([0-9a-f-]{36}\)$/);
        expect(p.status.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
      }
    }
    const gaps = restartsAt.slice(1).map((t, i) => t - restartsAt[i]);
    expect(gaps).toEqual([10, 20, 40, 80, 160, 300, 300]);
    const backoff = eventTrace(c, "crash").find((e) => e.includes("BackOff"))!;
    expect(backoff).toMatch(/Warning BackOff: Back-off restarting failed container c in pod crash_default\([0-9a-f-]{36}\) \(x\d+\)$/);
  });
});
