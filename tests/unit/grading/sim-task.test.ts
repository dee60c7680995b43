import { describe, expect, it } from "vitest";
import { gradeAnswer, gradeSimTask, gradeStartingState, startTaskCluster, type TGradeResult } from "@/lib/grading";
import type { TAnswer, TSimQuestion } from "@/lib/questions/schema";
import { renderQuestion, type TRenderedQuestion } from "@/lib/questions/variants";
import { bankQuestion, pod, simTask, text } from "./fixtures";

const sleeper = bankQuestion("restart-policy/sleep-exit-never.yaml") as TSimQuestion;
// seed 1 renders name/secs; the tests read them from the rendered solution.
const r1 = renderQuestion(sleeper, 1);
const name = String(r1.values.name);
const secs = Number(r1.values.secs);

const sim = (q: TSimQuestion, a: Omit<Extract<TAnswer, { type: "sim" }>, "type">, seed = 1, extra: Record<string, unknown> = {}) =>
  gradeAnswer(q, { type: "sim", ...a }, { seed, ...extra });

function graded(r: TGradeResult) {
  if (r.status !== "graded") throw new Error(`expected graded, got ${JSON.stringify(r)}`);
  return r;
}

describe("simulator task grading (restart-policy/sleep-exit-never)", () => {
  it("gives the solution full marks with a report, for each seed", () => {
    for (const seed of [1, 2]) {
      const q = renderQuestion(sleeper, seed) as TSimQuestion & TRenderedQuestion;
      const r = graded(sim(sleeper, q.solution, seed));
      expect(r.percent).toBe(1);
      expect(r.checks.every((c) => c.at === 60)).toBe(true);
      expect(r.report?.applyMessages).toEqual([`pod/${q.values.name} created`]);
      expect(r.report?.events).toContain("Scheduled");
      expect(r.report?.describe.map((d) => d.ref)).toEqual([`pod/${q.values.name}`]);
      expect(r.report?.describe[0].text).toContain(`Name:`);
      expect(r.report?.timeline.some((e) => e.pod === q.values.name && e.phase === "Succeeded")).toBe(true);
      expect(r.report?.seed).toBe(seed);
    }
  });

  it("grades kubectl run the same as the equivalent manifest", () => {
    const r = graded(sim(sleeper, { commands: `kubectl run ${name} --image=busybox:1.36 --restart=Never -- sleep ${secs}\n` }));
    expect(r.percent).toBe(1);
    expect(r.report?.answerOutput.stdout).toBe(`pod/${name} created\n`);
  });

  it("fails the checks a wrong answer breaks, with expected/observed/where", () => {
    const r = graded(sim(sleeper, { manifest: pod(name, `containers:\n- name: main\n  image: busybox:1.36\n  command: ["sleep", "${secs}"]`) }));
    expect(r.score).toBe(1);
    expect(r.maxScore).toBe(5);
    const policy = r.checks.find((c) => c.id === "policy")!;
    expect(policy).toMatchObject({ passed: false, earned: 0, expected: "spec.restartPolicy one of Never, OnFailure", observed: "spec.restartPolicy = Always", where: `pod/${name} spec.restartPolicy`, at: 60 });
    expect(policy.feedback?.en).toContain("restartPolicy");
  });

  it("scores the untouched starting state 0", () => {
    const r = graded(gradeStartingState(sleeper, { seed: 1, report: false }));
    expect(r.score).toBe(0);
    expect(r.checks.every((c) => c.observed.includes("not found"))).toBe(true);
  });

  it("reports empty answers invalid", () => {
    expect(sim(sleeper, {}).status).toBe("invalid");
    expect(sim(sleeper, { manifest: "  \n", commands: "\n" }).status).toBe("invalid");
    expect(sim(sleeper, { manifest: "# nothing here\n---\n" }).status).toBe("invalid");
  });

  it("reports a manifest that does not parse as YAML invalid, with kubectl's message", () => {
    const r = sim(sleeper, { manifest: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n" });
    expect(r.status).toBe("invalid");
    if (r.status === "invalid") {
      expect(r.reason.en).toBe("The manifest is not valid YAML.");
      expect(r.details.join("\n")).toMatch(/yaml|YAML/);
    }
  });

  it("reports a manifest of the wrong kind invalid", () => {
    const svc = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  ports:\n  - port: 80\n`;
    const r = sim(sleeper, { manifest: svc });
    expect(r).toMatchObject({ status: "invalid", reason: { en: "Expected a Pod manifest." } });
  });

  it("reports a manifest the API server rejects invalid, with the strict decoding error", () => {
    const bad = pod(name, `restartPolicy: Never\ncontainers:\n- name: main\n  image: busybox:1.36\n  readinessProbee:\n    exec:\n      command: ["true"]`);
    const r = sim(sleeper, { manifest: bad });
    expect(r.status).toBe("invalid");
    if (r.status === "invalid") {
      expect(r.reason.en).toBe("The API server rejected every object in the manifest.");
      expect(r.details.join("\n")).toContain('strict decoding error: unknown field "spec.containers[0].readinessProbee"');
    }
  });

  it("grades a partially rejected manifest, with the rejection in the report", () => {
    const good = pod(name, `restartPolicy: Never\ncontainers:\n- name: main\n  image: busybox:1.36\n  command: ["sleep", "${secs}"]`);
    const bad = pod("other", `containers:\n- name: main\n  imagee: busybox`);
    const r = graded(sim(sleeper, { manifest: `${good}---\n${bad}` }));
    expect(r.percent).toBe(1);
    expect(r.report?.applyMessages[0]).toBe(`pod/${name} created`);
    expect(r.report?.applyMessages.join("\n")).toContain('unknown field "spec.containers[0].imagee"');
  });

  it("grades failing commands instead of reporting them invalid", () => {
    const r = graded(sim(sleeper, { commands: "kubectl get pod nothing-here\n" }));
    expect(r.score).toBe(0);
    expect(r.report?.answerOutput.stderr).toContain('pods "nothing-here" not found');
  });

  it("reports a non-simulator answer to a task invalid", () => {
    expect(gradeAnswer(sleeper, { type: "single-choice", choice: "a" }, { seed: 1 }).status).toBe("invalid");
  });

  it("stops with a timeout error when the wall-clock budget is tiny, never throwing", () => {
    const q = renderQuestion(sleeper, 1) as TSimQuestion;
    expect(sim(sleeper, q.solution, 1, { budgetMs: 0.001 })).toMatchObject({ status: "error", code: "timeout" });
  });

  it("stops with a limit error when the cluster's step budget is exceeded", () => {
    const q = renderQuestion(sleeper, 1) as TSimQuestion;
    const r = gradeSimTask(sleeper, { type: "sim", ...q.solution }, { seed: 1, limits: { maxStepsPerAdvance: 3 } });
    expect(r).toMatchObject({ status: "error", code: "limit" });
  });
});

const envAndResources = simTask({
  checks: [
    {
      id: "resources",
      kind: "object",
      target: "pod/app",
      expect: [
        { path: "spec.containers[0].resources.limits.cpu", equals: "0.5" },
        { path: "spec.containers[0].resources.limits.memory", equals: "134217728" },
        { path: "spec.containers[0].resources.requests.cpu", atLeast: "100m" },
        { path: "spec.containers[0].resources.requests.memory", atMost: "64Mi" },
      ],
      description: text("resources"),
      feedback: text("resources"),
    },
    {
      id: "env",
      kind: "object",
      target: "pod/app",
      expect: [
        { path: "spec.containers[name=app].env", equals: [{ name: "MODE", value: "prod" }, { name: "LEVEL", value: "3" }] },
        { path: "spec.containers[*].name", equals: ["app"] },
        { path: "spec.containers[0].ports", contains: { containerPort: 8080 } },
      ],
      description: text("env"),
      feedback: text("env"),
    },
  ],
});

describe("semantic comparison in checks", () => {
  it("accepts equivalent quantities and a reordered env list", () => {
    const manifest = pod(
      "app",
      `containers:
- name: app
  image: nginx
  ports:
  - containerPort: 8080
  env:
  - name: LEVEL
    value: "3"
  - name: MODE
    value: prod
  resources:
    requests: {cpu: 250m, memory: 32Mi}
    limits: {cpu: 500m, memory: 128Mi}`,
    );
    const r = graded(sim(envAndResources, { manifest }));
    expect(r.checks.map((c) => [c.id, c.passed, c.observed])).toEqual([
      ["resources", true, expect.any(String)],
      ["env", true, expect.any(String)],
    ]);
  });

  it("fails a different value, showing what it saw", () => {
    const manifest = pod(
      "app",
      `containers:
- name: app
  image: nginx
  env:
  - name: MODE
    value: dev
  resources:
    requests: {cpu: 50m, memory: 32Mi}
    limits: {cpu: "1", memory: 128M}`,
    );
    const r = graded(sim(envAndResources, { manifest }));
    const resources = r.checks[0];
    expect(resources.passed).toBe(false);
    expect(resources.observed).toContain("spec.containers[0].resources.limits.cpu = 1");
    expect(resources.observed).toContain("spec.containers[0].resources.limits.memory = 128M");
    expect(r.checks[1].passed).toBe(false);
  });
});

describe("check kinds", () => {
  const setupPod = pod("web", `containers:\n- name: web\n  image: nginx:1.25\n  ports:\n  - containerPort: 80`).replace("name: web\nspec", "name: web\n  labels:\n    app: web\nspec");
  const q = simTask({
    task: { namespace: "shop", setup: { manifests: setupPod, advance: 20 }, advance: 30 },
    checks: [
      { id: "svc", kind: "object", target: "svc/web", expect: [{ path: "spec.ports[0].targetPort", equals: 80 }], description: text("svc"), feedback: text("svc") },
      { id: "endpoints", kind: "count", target: "endpoints", where: [{ path: "subsets[0].addresses", present: true }], count: { equals: 1 }, description: text("ep"), feedback: text("ep") },
      { id: "pods", kind: "count", target: "pods -l app=web", count: { atLeast: 1 }, description: text("pods"), feedback: text("pods") },
      { id: "no-old", kind: "absent", target: "pod/old", description: text("old"), feedback: text("old") },
      { id: "started", kind: "event", target: "pod/web", reason: "Started", type: "Normal", description: text("ev"), feedback: text("ev") },
      { id: "no-backoff", kind: "event", reason: "BackOff", absent: true, description: text("ev"), feedback: text("ev") },
      { id: "get", kind: "kubectl", command: "kubectl get svc web", contains: ["web", "ClusterIP"], exitCode: 0, description: text("k"), feedback: text("k") },
      { id: "grep", kind: "kubectl", command: "kubectl get pods | grep -c Running", matches: "^1$", description: text("k"), feedback: text("k") },
      { id: "exec", kind: "exec", target: "pod/web", command: ["cat", "/etc/hostname"], stdoutEquals: "web", description: text("x"), feedback: text("x") },
      { id: "exec-sel", kind: "exec", target: "pods -l app=web", command: ["sh", "-c", "exit 3"], exitCode: 3, description: text("x"), feedback: text("x") },
      { id: "early", kind: "object", target: "svc/web", after: 0, description: text("early"), feedback: text("early") },
    ],
  });

  it("evaluates every kind against the task's namespace, each at its time", () => {
    const r = graded(sim(q, { commands: "kubectl expose pod web --port=80\n" }));
    expect(Object.fromEntries(r.checks.map((c) => [c.id, c.passed]))).toEqual({
      svc: true,
      endpoints: true,
      pods: true,
      "no-old": true,
      started: true,
      "no-backoff": true,
      get: true,
      grep: true,
      exec: true,
      "exec-sel": true,
      early: true,
    });
    expect(r.checks.find((c) => c.id === "early")?.at).toBe(0);
    expect(r.checks.find((c) => c.id === "svc")?.at).toBe(30);
  });

  it("counts time the commands spend toward the checks' time", () => {
    const r = graded(sim(q, { commands: "sleep 45\nkubectl expose pod web --port=80\n" }));
    expect(r.checks.find((c) => c.id === "svc")).toMatchObject({ passed: true, at: 45 });
    expect(r.checks.find((c) => c.id === "early")).toMatchObject({ passed: true, at: 45 });
  });

  it("fails them in the starting state with explanations", () => {
    const r = graded(gradeStartingState(q, { seed: 1 }));
    const byId = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(byId.svc).toMatchObject({ passed: false, observed: 'Error from server (NotFound): services "web" not found' });
    expect(byId.get.passed).toBe(false);
    expect(byId.get.observed).toContain("exit code 1");
    expect(byId.endpoints.passed).toBe(false);
    // Checks that hold without an answer still pass: the self-test flags such questions.
    expect(byId.pods.passed).toBe(true);
  });

  it("starts the learner's terminal in the setup state", () => {
    const { session, setupErrors } = startTaskCluster(q, 1);
    expect(setupErrors).toEqual([]);
    expect(session.namespace).toBe("shop");
    expect(session.runLine("kubectl get pods").stdout).toMatch(/web\s+1\/1\s+Running/);
  });
});

describe("replace-force tasks", () => {
  const broken = pod("web", `containers:\n- name: web\n  image: nginx:1.25\n  readinessProbe:\n    httpGet: {path: /missing, port: 80}\n    periodSeconds: 5`);
  const fixed = broken.replace("/missing", "/");
  const q = simTask({
    solution: { manifest: fixed },
    task: { applyMode: "replace-force", setup: { manifests: broken, advance: 30 }, advance: 30 },
    checks: [{ id: "ready", kind: "object", target: "pod/web", expect: [{ path: "status.conditions[type=Ready].status", equals: "True" }], description: text("r"), feedback: text("r") }],
  });

  it("deletes and recreates the object, so a Pod's spec can change", () => {
    const r = graded(sim(q, { manifest: fixed }));
    expect(r.percent).toBe(1);
    expect(r.report?.applyMessages).toEqual(["pod/web deleted", "pod/web replaced"]);
    expect(graded(gradeStartingState(q, { seed: 1 })).score).toBe(0);
  });
});

describe("odd answers never throw", () => {
  it.each([
    [{ manifest: "- a\n- b\n" }, "invalid"],
    [{ manifest: "42" }, "invalid"],
    [{ manifest: "&a [*a, *a]" }, "invalid"],
    [{ manifest: "apiVersion: v1\nkind: Pod\n" }, "invalid"],
    [{ manifest: "apiVersion: v1\nkind: List\nitems: []\n" }, "invalid"],
    [{ manifest: "x".repeat(200 * 1024) }, "invalid"],
    [{ commands: "kubectl apply -f - <<EOF\napiVersion: v1\n" }, "graded"],
    [{ commands: "kubectl apply -f /etc/passwd\nrm -rf /\n" }, "graded"],
    [{ commands: "sleep 3000" }, "graded"],
    [{ commands: "sleep 99999999" }, "error"],
  ])("%j → %s", (answer, status) => {
    expect(sim(sleeper, answer, 1, { report: false }).status).toBe(status);
  });
});

describe("kubectl and exec checks without expectations", () => {
  const q = simTask({
    checks: [
      { id: "get", kind: "kubectl", command: "kubectl get pod web", description: text("k"), feedback: text("k") },
      { id: "exec", kind: "exec", target: "pod/web", command: ["ls", "/"], description: text("x"), feedback: text("x") },
      { id: "exec-missing", kind: "exec", target: "pod/web", container: "nope", command: ["ls"], stdoutContains: [], description: text("x"), feedback: text("x") },
    ],
  });

  it("require the command to succeed", () => {
    const before = graded(gradeStartingState(q, { seed: 1, report: false }));
    expect(before.checks.map((c) => [c.id, c.passed, c.expected])).toEqual([
      ["get", false, "exit code 0"],
      ["exec", false, "exit code 0"],
      ["exec-missing", false, "exit code 0"],
    ]);
    const after = graded(sim(q, { commands: "kubectl run web --image=nginx" }, 1, { report: false }));
    expect(after.checks.map((c) => [c.id, c.passed])).toEqual([
      ["get", true],
      ["exec", true],
      ["exec-missing", false],
    ]);
  });
});
