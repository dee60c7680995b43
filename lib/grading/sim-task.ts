// The simulator grader (BANK.md "Grading semantics"): render the variant, build the task's cluster
// (namespace, setup manifests, setup commands, setup advance), apply the answer like
// `kubectl apply -f -` (or `kubectl replace --force -f -`), run its commands as a kubesim script, then
// evaluate each check at its time. Every run has a step budget (cluster limits) and a wall-clock
// budget measured between simulation slices; exceeding either is an "error" result, never a throw.
import yaml from "js-yaml";
import { createCluster, KubectlSession, ScriptRunner, scriptLines, type Cluster, type Limits, type SimError } from "../sim";
import { renderQuestion } from "../questions/variants";
import type { TAnswer, TCheck, TSimAnswer, TSimQuestion, TText } from "../questions/schema";
import { evaluateCheck } from "./checks";
import { answerKinds } from "./kinds";
import { buildReport } from "./report";
import { EMPTY_ANSWER, errorResult, gradedResult, invalidResult } from "./result";
import { parseTarget, resolveResource } from "./targets";
import type { TCheckResult, TGradeOptions, TGradeResult } from "./types";

export const DEFAULT_BUDGET_MS = 2000;
/** Setup may advance an hour, the answer's commands and checks another hour or two. */
export const GRADING_LIMITS: Partial<Limits> = { maxStepsPerAdvance: 200_000, maxObjects: 3_000, maxVirtualSeconds: 4 * 3600 };
/** A manifest plus commands longer than this is not an exam answer (kubectl's own manifest limit is 64 KiB). */
export const MAX_ANSWER_CHARS = 128 * 1024;
/** Virtual seconds per simulation slice between wall-clock budget checks. */
const SLICE_SECONDS = 10;

/** Thrown inside the grader only; gradeAnswer turns it into an "error" result. */
class GradingStop extends Error {
  constructor(
    readonly code: "timeout" | "limit" | "internal",
    message: string,
  ) {
    super(message);
  }
}

export class Budget {
  private readonly start = performance.now();
  constructor(readonly ms: number) {}
  check(): void {
    if (performance.now() - this.start > this.ms) throw new GradingStop("timeout", `grading took longer than its budget of ${this.ms} ms`);
  }
}

function stopFor(error: SimError): GradingStop {
  return new GradingStop(error.kind === "limit" ? "limit" : "internal", simErrorText(error));
}

function advanceSliced(cluster: Cluster, seconds: number, budget: Budget, session?: KubectlSession): void {
  let left = seconds;
  while (left > 1e-9) {
    const step = Math.min(SLICE_SECONDS, left);
    if (session?.activeWatch) session.advance(step);
    else {
      const r = cluster.advance(step);
      if (!r.ok) throw stopFor(r.error);
    }
    left -= step;
    budget.check();
  }
}

/** Runs a kubesim script line by line, checking the budget between lines; `sleep` advances in slices. */
function runScript(session: KubectlSession, source: string, budget: Budget): { stdout: string; stderr: string } {
  const parsed = scriptLines(source);
  if (!parsed.ok) return { stdout: "", stderr: `kubesim: ${parsed.error}\n` };
  const runner = new ScriptRunner(session);
  let stdout = "";
  let stderr = "";
  for (const line of parsed.lines) {
    const sleep = line.heredoc === undefined ? /^\s*sleep\s+(\d+(?:\.\d+)?)([smhd]?)\s*$/.exec(line.text) : null;
    if (sleep) {
      const secs = Number(sleep[1]) * { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[sleep[2] as ""];
      advanceSliced(session.cluster, secs, budget, session);
      stdout += session.takeWatchOutput();
      runner.lastExit = 0;
    } else {
      const out = runner.runLine(line);
      stdout += out.stdout;
      stderr += out.stderr;
    }
    if (/the simulated cluster stopped: /.test(stderr)) throw new GradingStop("limit", stderr.trim().split("\n").pop() ?? "limit");
    budget.check();
  }
  return { stdout, stderr };
}

export type TTaskCluster = {
  cluster: Cluster;
  /** A kubectl session in the task's namespace, in the state the learner's terminal starts from. */
  session: KubectlSession;
  /** Setup problems (a question defect): objects the API rejected, setup commands' errors. */
  setupErrors: string[];
};

function setUp(q: TSimQuestion, seed: number, budget: Budget, limits?: Partial<Limits>): TTaskCluster {
  const cluster = createCluster({ seed, limits: { ...GRADING_LIMITS, ...limits } });
  const namespace = q.task.namespace;
  const setupErrors: string[] = [];
  if (namespace !== "default") {
    const [r] = cluster.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: namespace } });
    if (!r.ok) setupErrors.push(simErrorText(r.error));
  }
  const setup = q.task.setup;
  if (setup?.manifests) {
    for (const r of cluster.apply(setup.manifests, { namespace })) {
      if (!r.ok) {
        if (r.error.kind === "limit") throw stopFor(r.error);
        setupErrors.push(simErrorText(r.error));
      }
    }
  }
  const session = new KubectlSession(cluster, { namespace });
  if (setup?.commands) {
    const out = runScript(session, setup.commands, budget);
    // kubectl's warnings (e.g. a missing last-applied annotation) are not failures.
    setupErrors.push(...out.stderr.split("\n").filter((l) => l.trim() && !l.startsWith("Warning:")));
  }
  if (setup?.advance) advanceSliced(cluster, setup.advance, budget);
  return { cluster, session: new KubectlSession(cluster, { namespace }), setupErrors };
}

function simErrorText(e: SimError): string {
  return e.kind === "status" ? e.status.message : e.message;
}

/** The task's cluster in its starting state, for the web terminal (which replays commands on it). */
export function startTaskCluster(question: TSimQuestion, seed: number, opts: { budgetMs?: number; limits?: Partial<Limits> } = {}): TTaskCluster {
  const q = renderQuestion(question, seed) as TSimQuestion;
  const budget = new Budget(opts.budgetMs ?? 10_000);
  try {
    return setUp(q, seed, budget, opts.limits);
  } catch (e) {
    // The learner still gets a cluster; what stopped the setup is reported.
    const cluster = createCluster({ seed, limits: { ...GRADING_LIMITS, ...opts.limits } });
    return { cluster, session: new KubectlSession(cluster, { namespace: q.task.namespace }), setupErrors: [e instanceof Error ? e.message : String(e)] };
  }
}

const isBlank = (s: string | undefined) => s === undefined || s.trim() === "";

type TParsedManifest = { ok: true; kinds: string[]; count: number } | { ok: false; message: string };

function parseManifest(text: string): TParsedManifest {
  try {
    const docs = yaml.loadAll(text).filter((d) => d != null);
    const kinds: string[] = [];
    let count = 0;
    const visit = (d: unknown) => {
      if (!d || typeof d !== "object" || Array.isArray(d)) return;
      const o = d as { kind?: unknown; items?: unknown };
      if (o.kind === "List" && Array.isArray(o.items)) return o.items.forEach(visit);
      count++;
      if (typeof o.kind === "string") kinds.push(o.kind);
    };
    docs.forEach(visit);
    return { ok: true, kinds, count: docs.length === 0 ? 0 : Math.max(count, docs.length) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

/** kubectl's own message for a manifest that does not parse, from a scratch cluster. */
function kubectlParseError(manifest: string, fallback: string): string[] {
  const session = new KubectlSession(createCluster({ seed: 1 }), {});
  const r = session.run(["kubectl", "apply", "--dry-run=client", "-f", "-"], { stdin: manifest });
  const lines = r.stderr.trim().split("\n").filter(Boolean);
  return lines.length ? lines : [fallback];
}

const SUCCESS_LINE = /^\S+\/\S+ (created|configured|unchanged|replaced)\b/;

function expectedKindsText(kinds: string[]): TText {
  const en = kinds.length === 1 ? `a ${kinds[0]}` : `a ${kinds.slice(0, -1).join(", ")} or ${kinds[kinds.length - 1]}`;
  return { zh: `应提交 ${kinds.join(" 或 ")} 清单。`, en: `Expected ${en} manifest.` };
}

/** Kinds the reference solution (or its alternatives) writes; else the kinds the checks look at. */
function allowedKinds(q: TSimQuestion, cluster: Cluster): Set<string> {
  const resolveKind = (typed: string) => resolveResource(cluster, typed)?.kind;
  const kinds = new Set<string>();
  for (const a of [q.solution, ...q.tests.alternatives]) for (const k of answerKinds(a, resolveKind)) kinds.add(k);
  if (kinds.size) return kinds;
  for (const c of q.checks) {
    if (!("target" in c) || !c.target) continue;
    const t = parseTarget(c.target);
    const kind = t.ok ? resolveKind(t.target.resource) : undefined;
    if (kind) kinds.add(kind);
  }
  return kinds;
}

type TApplied = { stdout: string; stderr: string; applyMessages: string[]; rejected: string[] | undefined };

/** Applies the manifest through kubectl (so messages are kubectl's); `rejected` when no object was accepted. */
function applyManifest(session: KubectlSession, q: TSimQuestion, manifest: string): TApplied {
  const argv = q.task.applyMode === "replace-force" ? ["kubectl", "replace", "--force", "-f", "-"] : ["kubectl", "apply", "-f", "-"];
  const r = session.run(argv, { stdin: manifest });
  if (/the simulated cluster stopped: /.test(r.stderr)) throw new GradingStop("limit", r.stderr.trim());
  const outLines = r.stdout.split("\n").filter(Boolean);
  const errLines = r.stderr.split("\n").filter(Boolean);
  const accepted = outLines.some((l) => SUCCESS_LINE.test(l));
  return { stdout: r.stdout, stderr: r.stderr, applyMessages: [...outLines, ...errLines], rejected: accepted ? undefined : errLines };
}

type TRun = { checks: TCheckResult[]; output: { stdout: string; stderr: string }; applyMessages: string[]; answerAt: number };

/** Evaluates the checks at their times, measured from `answerAt` (virtual ms). */
function evaluateChecks(q: TSimQuestion, cluster: Cluster, answerAt: number, budget: Budget): TCheckResult[] {
  const byTime = new Map<number, TCheck[]>();
  for (const c of q.checks) {
    const t = c.after ?? q.task.advance;
    byTime.set(t, [...(byTime.get(t) ?? []), c]);
  }
  const results = new Map<string, TCheckResult>();
  for (const t of [...byTime.keys()].sort((a, b) => a - b)) {
    const due = answerAt + t * 1000;
    if (cluster.now() < due) advanceSliced(cluster, (due - cluster.now()) / 1000, budget);
    const at = Math.round((cluster.now() - answerAt) / 1000);
    for (const c of byTime.get(t)!) results.set(c.id, evaluateCheck(c, { cluster, namespace: q.task.namespace, at }));
    budget.check();
  }
  return q.checks.map((c) => results.get(c.id)!);
}

export type TSimGradeOptions = TGradeOptions & {
  limits?: Partial<Limits>;
  /** Receives setup problems (objects the API rejected, failing setup commands): question defects. */
  onSetupErrors?: (errors: string[]) => void;
};

function runTask(q: TSimQuestion, answer: TSimAnswer | undefined, opts: TSimGradeOptions): TGradeResult {
  const budget = new Budget(opts.budgetMs ?? DEFAULT_BUDGET_MS);
  const manifest = isBlank(answer?.manifest) ? undefined : answer!.manifest!;
  const commands = isBlank(answer?.commands) ? undefined : answer!.commands!;
  let parsedKinds: string[] = [];
  if (answer) {
    if (!manifest && !commands) return invalidResult(EMPTY_ANSWER);
    const size = (manifest?.length ?? 0) + (commands?.length ?? 0);
    if (size > MAX_ANSWER_CHARS) {
      return invalidResult({ zh: `答案过长（上限 ${MAX_ANSWER_CHARS} 个字符）。`, en: `The answer is too long (at most ${MAX_ANSWER_CHARS} characters).` }, [`${size} characters`]);
    }
    if (manifest) {
      const parsed = parseManifest(manifest);
      if (!parsed.ok) return invalidResult({ zh: "清单不是有效的 YAML。", en: "The manifest is not valid YAML." }, kubectlParseError(manifest, parsed.message));
      if (parsed.count === 0 && !commands) return invalidResult({ zh: "清单中没有任何 Kubernetes 对象。", en: "The manifest contains no Kubernetes object." });
      parsedKinds = parsed.kinds;
    }
  }
  const tc = setUp(q, opts.seed, budget, opts.limits);
  const { cluster, session } = tc;
  if (tc.setupErrors.length) opts.onSetupErrors?.(tc.setupErrors);
  if (manifest && parsedKinds.length) {
    const allowed = allowedKinds(q, cluster);
    if (allowed.size && !parsedKinds.some((k) => allowed.has(k))) {
      return invalidResult(expectedKindsText([...allowed].sort()), [`the manifest has ${[...new Set(parsedKinds)].join(", ")}`]);
    }
  }
  const answerAt = cluster.now();
  let stdout = "";
  let stderr = "";
  let applyMessages: string[] = [];
  if (manifest) {
    const applied = applyManifest(session, q, manifest);
    if (applied.rejected && !commands) {
      return invalidResult({ zh: "API Server 拒绝了清单中的全部对象。", en: "The API server rejected every object in the manifest." }, applied.rejected);
    }
    stdout += applied.stdout;
    stderr += applied.stderr;
    applyMessages = applied.applyMessages;
  }
  if (commands) {
    const out = runScript(session, commands, budget);
    stdout += out.stdout;
    stderr += out.stderr;
  }
  const run: TRun = { checks: evaluateChecks(q, cluster, answerAt, budget), output: { stdout, stderr }, applyMessages, answerAt };
  const report =
    opts.report === false
      ? undefined
      : buildReport({ cluster, namespace: q.task.namespace, checks: q.checks, seed: opts.seed, answerAt, answerOutput: run.output, applyMessages });
  return gradedResult(run.checks, report);
}

function guarded(fn: () => TGradeResult): TGradeResult {
  try {
    return fn();
  } catch (e) {
    if (e instanceof GradingStop) {
      return errorResult(
        e.code,
        e.code === "timeout"
          ? { zh: "模拟超出了时间预算。", en: `The simulation ran out of time: ${e.message}.` }
          : e.code === "limit"
            ? { zh: `模拟超出了资源上限：${e.message}`, en: `The simulation hit a limit: ${e.message}` }
            : { zh: `模拟出错：${e.message}`, en: `The simulation failed: ${e.message}` },
      );
    }
    const message = e instanceof Error ? e.message : String(e);
    return errorResult("internal", { zh: `评分内部错误：${message}`, en: `Internal grading error: ${message}` });
  }
}

export function gradeSimTask(question: TSimQuestion, answer: TAnswer, opts: TSimGradeOptions): TGradeResult {
  if (answer.type !== "sim") {
    return invalidResult({ zh: `答案类型不符：本题需要清单或命令，收到的是 ${answer.type}。`, en: `Wrong answer type: this task takes a manifest or commands, not ${answer.type}.` });
  }
  return guarded(() => runTask(renderQuestion(question, opts.seed) as TSimQuestion, { manifest: answer.manifest, commands: answer.commands }, opts));
}

/**
 * The checks on the untouched starting state (setup only, no answer) — what a learner who does
 * nothing would score. The bank self-test requires 0.
 */
export function gradeStartingState(question: TSimQuestion, opts: TSimGradeOptions): TGradeResult {
  return guarded(() => runTask(renderQuestion(question, opts.seed) as TSimQuestion, undefined, opts));
}
