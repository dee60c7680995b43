// The check language of simulator tasks (questions/README.md): each check looks at the cluster after
// the answer — objects, their absence, counts, events, kubectl output, exec output — and explains
// itself with what it expected, what it observed and where.
import { KubectlSession, ScriptRunner, scriptLines, type Cluster, type KubeObject } from "../sim";
import type { TAssertion, TCheck } from "../questions/schema";
import { compareOrdered, listContains, renderValue, semanticEqual } from "./compare";
import { parsePath, resolvePath } from "./json-path";
import { fetchTarget, parseTarget, refOf, type TFetched } from "./targets";
import type { TCheckResult } from "./types";

export type TCheckEnv = {
  cluster: Cluster;
  /** The task's namespace: the default for targets and for kubectl commands. */
  namespace: string;
  /** Virtual seconds since the answer was applied. */
  at: number;
};

type TOutcome = { passed: boolean; expected: string; observed: string; where: string };

export function evaluateCheck(check: TCheck, env: TCheckEnv): TCheckResult {
  let o: TOutcome;
  try {
    o = evaluate(check, env);
  } catch (e) {
    o = { passed: false, expected: "", observed: `check failed to run: ${e instanceof Error ? e.message : String(e)}`, where: "" };
  }
  return {
    id: check.id,
    passed: o.passed,
    weight: check.weight,
    earned: o.passed ? check.weight : 0,
    description: check.description,
    ...(o.passed ? {} : { feedback: check.feedback }),
    expected: o.expected,
    observed: o.observed,
    where: o.where,
    at: env.at,
  };
}

function evaluate(check: TCheck, env: TCheckEnv): TOutcome {
  switch (check.kind) {
    case "object":
      return objectCheck(check.target, check.expect, env);
    case "absent": {
      const f = fetch(check.target, env);
      if (!f.ok) return { passed: false, expected: "absent", observed: f.error, where: check.target };
      const names = f.objects.map((o) => refOf(f.info, o.metadata.name ?? ""));
      return { passed: names.length === 0, expected: "absent", observed: names.length ? `exists: ${names.join(", ")}` : "absent", where: check.target };
    }
    case "count":
      return countCheck(check.target, check.where, check.count, env);
    case "event":
      return eventCheck(check, env);
    case "kubectl":
      return kubectlCheck(check, env);
    case "exec":
      return execCheck(check, env);
  }
}

function fetch(target: string, env: TCheckEnv): TFetched {
  const t = parseTarget(target);
  if (!t.ok) return { ok: false, error: t.error };
  return fetchTarget(env.cluster, t.target, env.namespace);
}

function notFoundText(f: Extract<TFetched, { ok: true }>, target: string): string {
  const t = parseTarget(target);
  const name = t.ok ? t.target.name : undefined;
  return name ? `Error from server (NotFound): ${f.info.resource}${f.info.group ? `.${f.info.group}` : ""} "${name}" not found` : "No resources found";
}

function objectCheck(target: string, expect: TAssertion[], env: TCheckEnv): TOutcome {
  const f = fetch(target, env);
  const expected = expect.length ? expect.map(describeAssertion).join("; ") : "exists";
  if (!f.ok) return { passed: false, expected, observed: f.error, where: target };
  if (!f.objects.length) return { passed: false, expected, observed: notFoundText(f, target), where: target };
  // A list target ("pods -l app=web") passes when every object it selects passes.
  const observed: string[] = [];
  let passed = true;
  let where = target;
  for (const obj of f.objects) {
    const ref = refOf(f.info, obj.metadata.name ?? "");
    for (const a of expect) {
      const r = evaluateAssertion(obj, a);
      const prefix = f.single ? "" : `${ref} `;
      if (!r.passed) {
        if (passed) where = `${ref} ${a.path}`;
        passed = false;
      }
      if (!r.passed || observed.length < 6) observed.push(`${prefix}${a.path} = ${r.observed}`);
    }
  }
  if (passed && !expect.length) observed.push("exists");
  return { passed, expected, observed: observed.join("; "), where: passed && expect.length ? `${target} ${expect.map((a) => a.path).join(", ")}` : where };
}

function countCheck(target: string, where: TAssertion[], count: { equals?: number; atLeast?: number; atMost?: number }, env: TCheckEnv): TOutcome {
  const f = fetch(target, env);
  const cond = [
    count.equals !== undefined ? `= ${count.equals}` : "",
    count.atLeast !== undefined ? `>= ${count.atLeast}` : "",
    count.atMost !== undefined ? `<= ${count.atMost}` : "",
  ].filter(Boolean);
  const filter = where.length ? ` where ${where.map(describeAssertion).join("; ")}` : "";
  const expected = `count ${cond.join(" and ")}${filter}`;
  if (!f.ok) return { passed: false, expected, observed: f.error, where: target };
  const matching = f.objects.filter((o) => where.every((a) => evaluateAssertion(o, a).passed));
  const n = matching.length;
  const passed = (count.equals === undefined || n === count.equals) && (count.atLeast === undefined || n >= count.atLeast) && (count.atMost === undefined || n <= count.atMost);
  const names = matching.slice(0, 10).map((o) => o.metadata.name);
  return { passed, expected, observed: `${n}${names.length ? ` (${names.join(", ")}${n > 10 ? ", …" : ""})` : ""} of ${f.objects.length}`, where: target };
}

type TEventCheck = Extract<TCheck, { kind: "event" }>;

function eventCheck(check: TEventCheck, env: TCheckEnv): TOutcome {
  const want = [`reason ${check.reason}`, check.type ? `type ${check.type}` : "", check.messageContains ? `message contains "${check.messageContains}"` : ""].filter(Boolean).join(", ");
  const expected = check.absent ? `no event with ${want}` : `an event with ${want}`;
  let namespace = env.namespace;
  let about: ((e: KubeObject) => boolean) | undefined;
  if (check.target) {
    const t = parseTarget(check.target);
    if (!t.ok) return { passed: false, expected, observed: t.error, where: check.target };
    const f = fetchTarget(env.cluster, t.target, env.namespace);
    if (!f.ok) return { passed: false, expected, observed: f.error, where: check.target };
    namespace = f.namespace ?? env.namespace;
    // A named object's events stay after it is deleted; a selector names the objects that exist now.
    const names = new Set(t.target.name !== undefined ? [t.target.name] : f.objects.map((o) => o.metadata.name));
    const kind = f.info.kind;
    about = (e) => {
      const io = e.involvedObject as { kind?: string; name?: string } | undefined;
      return io?.kind === kind && names.has(io.name);
    };
  }
  const events = env.cluster.events({ namespace }).filter((e) => !about || about(e));
  const matching = events.filter(
    (e) =>
      e.reason === check.reason &&
      (!check.type || e.type === check.type) &&
      (!check.messageContains || String(e.message ?? "").includes(check.messageContains)),
  );
  const passed = check.absent ? matching.length === 0 : matching.length > 0;
  const shown = (matching.length ? matching : events).slice(-5).map((e) => `${e.type} ${e.reason}: ${e.message}`);
  const observed = matching.length ? shown.join(" | ") : events.length ? `none matching; seen: ${shown.join(" | ")}` : "no events";
  return { passed, expected, observed, where: check.target ?? `namespace ${namespace}` };
}

type TKubectlCheck = Extract<TCheck, { kind: "kubectl" }>;

function kubectlCheck(check: TKubectlCheck, env: TCheckEnv): TOutcome {
  const r = runKubectl(env.cluster, env.namespace, check.command);
  const output = r.stdout + r.stderr;
  const parts: string[] = [];
  let passed = true;
  for (const s of check.contains) {
    parts.push(`contains "${s}"`);
    if (!output.includes(s)) passed = false;
  }
  for (const s of check.notContains) {
    parts.push(`does not contain "${s}"`);
    if (output.includes(s)) passed = false;
  }
  if (check.matches !== undefined) {
    parts.push(`matches /${check.matches}/`);
    if (!new RegExp(check.matches, "m").test(output)) passed = false;
  }
  // With nothing else to look at, the command must succeed.
  const wantExit = check.exitCode ?? (parts.length ? undefined : 0);
  if (wantExit !== undefined) {
    parts.push(`exit code ${wantExit}`);
    if (r.exitCode !== wantExit) passed = false;
  }
  return { passed, expected: parts.join(", "), observed: `exit code ${r.exitCode}\n${clip(output)}`, where: `$ ${check.command}` };
}

/** Runs one kubesim line (pipes allowed) in a fresh session in `namespace`. */
export function runKubectl(cluster: Cluster, namespace: string, command: string): { stdout: string; stderr: string; exitCode: number } {
  const runner = new ScriptRunner(new KubectlSession(cluster, { namespace }));
  const parsed = scriptLines(command);
  if (!parsed.ok) return { stdout: "", stderr: `${parsed.error}\n`, exitCode: 2 };
  let stdout = "";
  let stderr = "";
  for (const line of parsed.lines) {
    const out = runner.runLine(line);
    stdout += out.stdout;
    stderr += out.stderr;
  }
  return { stdout, stderr, exitCode: runner.lastExit };
}

type TExecCheck = Extract<TCheck, { kind: "exec" }>;

function execCheck(check: TExecCheck, env: TCheckEnv): TOutcome {
  const parts: string[] = [];
  if (check.stdoutContains.length) parts.push(...check.stdoutContains.map((s) => `stdout contains "${s}"`));
  if (check.stdoutEquals !== undefined) parts.push(`stdout is "${check.stdoutEquals.trimEnd()}"`);
  // With nothing else to look at, the command must succeed.
  const wantExit = check.exitCode ?? (parts.length ? undefined : 0);
  if (wantExit !== undefined) parts.push(`exit code ${wantExit}`);
  const expected = parts.join(", ");
  const where = `${check.target}${check.container ? ` -c ${check.container}` : ""} -- ${check.command.join(" ")}`;
  const t = parseTarget(check.target);
  if (!t.ok) return { passed: false, expected, observed: t.error, where };
  let ref: string;
  const namespace = t.target.namespace ?? env.namespace;
  if (t.target.name !== undefined) ref = `${t.target.resource}/${t.target.name}`;
  else {
    // A selector: the first running pod it selects, by name.
    const f = fetchTarget(env.cluster, t.target, env.namespace);
    if (!f.ok) return { passed: false, expected, observed: f.error, where };
    const pods = f.objects.filter((o) => o.kind === "Pod");
    const pod = pods.find((p) => (p.status as { phase?: string } | undefined)?.phase === "Running") ?? pods[0];
    if (!pod) return { passed: false, expected, observed: "No resources found", where };
    ref = `pod/${pod.metadata.name}`;
  }
  const session = new KubectlSession(env.cluster, { namespace });
  const argv = ["kubectl", "exec", ref, ...(check.container ? ["-c", check.container] : []), "--", ...check.command];
  const r = session.run(argv);
  let passed = check.stdoutContains.every((s) => r.stdout.includes(s));
  if (check.stdoutEquals !== undefined && r.stdout.trimEnd() !== check.stdoutEquals.trimEnd()) passed = false;
  if (wantExit !== undefined && r.exitCode !== wantExit) passed = false;
  // kubectl itself failing (no such pod or container) fails the check whatever it expected.
  if (wantExit === undefined && r.exitCode !== 0 && /^error:|^Error from server/m.test(r.stderr)) passed = false;
  return { passed, expected, observed: `exit code ${r.exitCode}\n${clip(r.stdout + r.stderr)}`, where };
}

function clip(text: string, max = 2000): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

// ─── Assertions ──────────────────────────────────────────────────────────────────────────────────

export function describeAssertion(a: TAssertion): string {
  const p = a.path;
  if (a.equals !== undefined) return `${p} = ${renderValue(a.equals)}`;
  if (a.oneOf !== undefined) return `${p} one of ${a.oneOf.map(renderValue).join(", ")}`;
  if (a.atLeast !== undefined) return `${p} >= ${a.atLeast}`;
  if (a.atMost !== undefined) return `${p} <= ${a.atMost}`;
  if (a.matches !== undefined) return `${p} matches /${a.matches}/`;
  if (a.contains !== undefined) return `${p} contains ${renderValue(a.contains)}`;
  if (a.absent) return `${p} absent`;
  return `${p} present`;
}

const isAbsent = (v: unknown) => v === undefined || v === null;

export function evaluateAssertion(obj: unknown, a: TAssertion): { passed: boolean; observed: string } {
  const parsed = parsePath(a.path);
  if (!parsed.ok) return { passed: false, observed: parsed.error };
  const value = resolvePath(obj, parsed.segments);
  // `containers[*].ports` with no ports anywhere is an empty list: nothing there.
  const missing = isAbsent(value) || (Array.isArray(value) && value.length === 0 && parsed.segments.some((s) => s.kind === "all"));
  const observed = missing ? "<none>" : renderValue(value);
  const opts = { unordered: a.unordered };
  let passed: boolean;
  if (a.absent) passed = missing;
  else if (a.present) passed = !missing;
  else if (a.equals !== undefined) passed = semanticEqual(value, a.equals, opts);
  else if (a.oneOf !== undefined) passed = a.oneOf.some((x) => semanticEqual(value, x, opts));
  else if (a.atLeast !== undefined || a.atMost !== undefined) {
    const bound = (a.atLeast ?? a.atMost)!;
    const sign = a.atLeast !== undefined ? 1 : -1;
    // On a list ([*]) every element must satisfy the bound.
    const values = Array.isArray(value) ? value : [value];
    passed =
      values.length > 0 &&
      values.every((v) => {
        const c = compareOrdered(v, bound);
        return c !== undefined && c * sign >= 0;
      });
  } else if (a.matches !== undefined) passed = !isAbsent(value) && new RegExp(a.matches).test(renderValue(value));
  else if (a.contains !== undefined) {
    if (Array.isArray(value)) passed = listContains(value, a.contains);
    else if (typeof value === "string") passed = value.includes(String(a.contains));
    else if (value && typeof value === "object") passed = semanticEqual(value, a.contains);
    else passed = false;
  } else passed = false;
  return { passed, observed };
}
