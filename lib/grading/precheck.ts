// Before a submission: parse the manifest, then a server-side dry run against the task's starting
// state (apply mode) or against an empty namespace (replace-force mode, where the objects replace
// live ones), so the learner sees Kubernetes' own messages without spending an attempt.
import yaml from "js-yaml";
import { createCluster, KubectlSession } from "../sim";
import { renderQuestion } from "../questions/variants";
import { isSimQuestion, type TAnswer, type TQuestion, type TSimQuestion } from "../questions/schema";
import { startTaskCluster } from "./sim-task";
import type { TPrecheckResult } from "./types";

const DRY_RUN_LINE = /^(\S+\/\S+) (created|configured|unchanged|replaced) \(server dry run\)$/;

export function precheck(question: TQuestion, answer: TAnswer, opts: { seed: number }): TPrecheckResult {
  try {
    if (!isSimQuestion(question)) return { ok: true, objects: [] };
    if (answer.type !== "sim") return { ok: false, errors: [`this task takes a manifest or commands, not ${answer.type}`] };
    const manifest = answer.manifest ?? "";
    if (!manifest.trim()) return { ok: true, objects: [] };
    try {
      yaml.loadAll(manifest);
    } catch (e) {
      return { ok: false, errors: [`error converting YAML to JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
    const q = renderQuestion(question, opts.seed) as TSimQuestion;
    let session: KubectlSession;
    if (q.task.applyMode === "replace-force") {
      const cluster = createCluster({ seed: opts.seed });
      if (q.task.namespace !== "default") cluster.create({ apiVersion: "v1", kind: "Namespace", metadata: { name: q.task.namespace } });
      session = new KubectlSession(cluster, { namespace: q.task.namespace });
    } else session = startTaskCluster(q, opts.seed, { budgetMs: 5000 }).session;
    const verb = q.task.applyMode === "replace-force" ? "create" : "apply";
    const r = session.run(["kubectl", verb, "--dry-run=server", "-f", "-"], { stdin: manifest });
    const objects = r.stdout
      .split("\n")
      .map((l) => DRY_RUN_LINE.exec(l)?.[1])
      .filter((x): x is string => !!x);
    const errors = r.stderr.split("\n").filter(Boolean);
    return errors.length ? { ok: false, errors } : { ok: true, objects };
  } catch (e) {
    return { ok: false, errors: [`internal error: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
