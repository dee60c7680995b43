// Coverage of the bank against the syllabus and the thresholds questions:check enforces: every
// objective in ≥ 2 questions, ≥ 300 questions, ≥ 80 simulator tasks, ≥ 1 simulator task in each
// topic below that has simulator-gradable objectives, ≥ 15 troubleshooting, ≥ 10 spot-the-mistake.
import { isSimQuestion, TOPICS, type TObjective, type TQuestion } from "../../lib/questions/schema";

export const THRESHOLDS = { perObjective: 2, questions: 300, simTasks: 80, troubleshooting: 15, spotTheMistake: 10 };

/** Topics that must have at least one simulator task when they have simulator-gradable objectives. */
export const SIM_TOPICS = [
  "pod-basics",
  "commands-args",
  "image-pull",
  "restart-policy",
  "pod-phases",
  "probes",
  "lifecycle-hooks",
  "init-containers",
  "resources",
  "multi-container",
  "exec-logs",
  "scheduling",
  "troubleshooting",
  "deployments",
  "statefulsets",
  "services",
  "volumes",
  "config",
] as const;

export function coverageReport(questions: TQuestion[], syllabus: TObjective[], opts: { listObjectives: boolean }): { text: string; problems: string[] } {
  const problems: string[] = [];
  const perObjective = new Map<string, number>(syllabus.map((o) => [o.id, 0]));
  for (const q of questions) for (const o of new Set(q.objectives)) perObjective.set(o, (perObjective.get(o) ?? 0) + 1);
  const sim = questions.filter(isSimQuestion);
  const lines: string[] = ["coverage per topic (questions / simulator tasks / objectives covered ≥ 2 of total):"];
  for (const topic of TOPICS) {
    const objectives = syllabus.filter((o) => o.topic === topic);
    const qs = questions.filter((q) => q.topic === topic);
    const simCount = qs.filter(isSimQuestion).length;
    const covered = objectives.filter((o) => (perObjective.get(o.id) ?? 0) >= THRESHOLDS.perObjective).length;
    lines.push(`  ${topic.padEnd(20)} ${String(qs.length).padStart(4)} ${String(simCount).padStart(4)}   ${covered}/${objectives.length}`);
    if ((SIM_TOPICS as readonly string[]).includes(topic) && objectives.some((o) => o.gradable_by_simulator) && simCount === 0) {
      problems.push(`topic ${topic} has simulator-gradable objectives but no simulator task`);
    }
  }
  const under = syllabus.filter((o) => (perObjective.get(o.id) ?? 0) < THRESHOLDS.perObjective);
  if (under.length) {
    lines.push(`objectives in fewer than ${THRESHOLDS.perObjective} questions: ${under.length}${opts.listObjectives ? ":" : " (listed with --verbose)"}`);
    if (opts.listObjectives) for (const o of under) lines.push(`  ${o.id}: ${perObjective.get(o.id) ?? 0}`);
    problems.push(`${under.length} objective(s) are in fewer than ${THRESHOLDS.perObjective} questions`);
  }
  const count = (type: string) => questions.filter((q) => q.type === type).length;
  const totals = {
    questions: questions.length,
    simTasks: sim.length,
    troubleshooting: count("troubleshooting"),
    spotTheMistake: count("spot-the-mistake"),
  };
  lines.push(
    `totals: ${totals.questions} questions (≥ ${THRESHOLDS.questions}), ${totals.simTasks} simulator tasks (≥ ${THRESHOLDS.simTasks}), ` +
      `${totals.troubleshooting} troubleshooting (≥ ${THRESHOLDS.troubleshooting}), ${totals.spotTheMistake} spot-the-mistake (≥ ${THRESHOLDS.spotTheMistake})`,
  );
  for (const k of ["questions", "simTasks", "troubleshooting", "spotTheMistake"] as const) {
    if (totals[k] < THRESHOLDS[k]) problems.push(`${totals[k]} ${k}, need ≥ ${THRESHOLDS[k]}`);
  }
  return { text: lines.join("\n"), problems };
}
