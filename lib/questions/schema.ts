// The question-file format: one strict zod schema per question type. A typo in a field name is an
// error (every object is .strict()), and every error is reported with its path by lib/questions/parse.
// Questions carry their own tests (PrairieLearn-style): choice types are checked key-vs-distractors
// automatically; simulator tasks ship a reference solution, alternatives, wrong variants (each naming
// the checks it must fail) and an invalid answer.
import { z } from "zod";

/** The 23 fixed topics of questions/syllabus.yaml, in the order the notes teach them. */
export const TOPICS = [
  "architecture",
  "pod-basics",
  "manifest-authoring",
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
  "labels",
  "ingress",
  "volumes",
  "config",
  "scaling",
] as const;
export const ZTopic = z.enum(TOPICS);
export type TTopic = z.infer<typeof ZTopic>;

export const CHOICE_TYPES = ["single-choice", "multiple-choice", "true-false", "fill-in", "ordering", "matching"] as const;
export const SIM_TYPES = ["manifest", "command", "troubleshooting", "spot-the-mistake"] as const;
export const QUESTION_TYPES = [...CHOICE_TYPES, ...SIM_TYPES] as const;
export type TQuestionType = (typeof QUESTION_TYPES)[number];

/** Text in both languages. Markdown (CommonMark, no raw HTML: it is rendered escaped). */
export const ZText = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type TText = z.infer<typeof ZText>;

const ZId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be <topic>/<slug> in lower-case kebab-case");
const ZSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case kebab-case");
const ZObjectiveId = z.string().regex(/^[a-z0-9-]+\.[a-z0-9-]+\.[a-z0-9-]+$/, "must be a syllabus objective id");
/** "<note file>#<heading>" or "<note file>#L<first>-<last>", as in the syllabus. */
const ZSource = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt#.+$/, "must be <note file>#<heading or L<first>-<last>>");

/**
 * Parameters for per-learner variants. A value is chosen per (learner, attempt) seed and substituted
 * for `{{name}}` in every string of the question (prompt, starter, setup, checks, solution, tests).
 */
export const ZParam = z.union([
  z.object({ oneOf: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
  z.object({ range: z.tuple([z.number().int(), z.number().int()]) }).strict(),
]);
export const ZParams = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), ZParam);

const ZCommon = {
  /** Must equal "<folder>/<file name without .yaml>". Never reused for a different question. */
  id: ZId,
  topic: ZTopic,
  objectives: z.array(ZObjectiveId).min(1),
  difficulty: z.enum(["easy", "medium", "hard"]),
  prompt: ZText,
  /** Teaches the fact. Where a note states it wrongly, says what the note says and what is true. */
  explanation: ZText,
  sources: z.array(ZSource).min(1),
  tags: z.array(ZSlug).default([]),
  /** Optional hint shown in training mode. */
  hint: ZText.optional(),
  params: ZParams.optional(),
};

const ZChoice = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    text: ZText,
    /** Why this choice is right or wrong; shown in the result view. */
    feedback: ZText.optional(),
  })
  .strict();

export const ZSingleChoice = z
  .object({ ...ZCommon, type: z.literal("single-choice"), choices: z.array(ZChoice).min(2), answer: z.string() })
  .strict();

export const ZMultipleChoice = z
  .object({
    ...ZCommon,
    type: z.literal("multiple-choice"),
    choices: z.array(ZChoice).min(3),
    answer: z.array(z.string()).min(1),
    /** partial: each choice decided right earns 1/n (floored at 0 overall); all-or-nothing: exact set only. */
    scoring: z.enum(["partial", "all-or-nothing"]).default("partial"),
  })
  .strict();

export const ZTrueFalse = z
  .object({ ...ZCommon, type: z.literal("true-false"), answer: z.boolean(), feedback: ZText.optional() })
  .strict();

/** How a fill-in answer is normalised before comparison. */
export const ZNormalize = z
  .object({
    /** Default true: "Always" = "always". */
    caseInsensitive: z.boolean().default(true),
    /** Default true: trim and collapse inner whitespace. */
    collapseWhitespace: z.boolean().default(true),
    /** Compare as Kubernetes quantities when both sides parse ("500m" = "0.5", "128Mi" = "134217728"). */
    quantity: z.boolean().default(false),
    /** Ignore a trailing "s" unit on durations/numbers, "10s" = "10" (for seconds fields). */
    seconds: z.boolean().default(false),
  })
  .strict();

export const ZBlank = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Label shown before the input, e.g. "restartPolicy:". */
    label: ZText.optional(),
    accept: z.array(z.string().min(1)).min(1),
    /** JavaScript regular expressions (anchored by the grader: ^(?:…)$) matched after normalisation. */
    patterns: z.array(z.string()).default([]),
    normalize: ZNormalize.default({ caseInsensitive: true, collapseWhitespace: true, quantity: false, seconds: false }),
  })
  .strict();

export const ZFillIn = z
  .object({
    ...ZCommon,
    type: z.literal("fill-in"),
    blanks: z.array(ZBlank).min(1),
    /** Self-test: answers (blank id → text) that must score full and ones that must score 0 on the named blank. */
    tests: z
      .object({
        correct: z.array(z.record(z.string(), z.string())).default([]),
        wrong: z.array(z.record(z.string(), z.string())).default([]),
      })
      .strict()
      .default({ correct: [], wrong: [] }),
  })
  .strict();

const ZItem = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), text: ZText }).strict();

export const ZOrdering = z
  .object({
    ...ZCommon,
    type: z.literal("ordering"),
    items: z.array(ZItem).min(3),
    /** Item ids in the correct order. Items are shown shuffled by the attempt's seed. */
    answer: z.array(z.string()).min(3),
  })
  .strict();

export const ZMatching = z
  .object({
    ...ZCommon,
    type: z.literal("matching"),
    left: z.array(ZItem).min(2),
    /** May have more entries than left (distractors). */
    right: z.array(ZItem).min(2),
    /** left id → right id. */
    answer: z.record(z.string(), z.string()),
  })
  .strict();

// ─── Simulator-graded tasks ──────────────────────────────────────────────────────────────────────

/**
 * An answer to a simulator task. `manifest` is YAML applied like `kubectl apply -f -` (or, with
 * task.applyMode replace-force, like `kubectl replace --force -f -`); `commands` is a kubesim script:
 * kubectl lines, `sleep N`, here-documents (`kubectl apply -f - <<EOF … EOF`). Both may be given:
 * the manifest is applied first.
 */
export const ZSimAnswer = z
  .object({ manifest: z.string().optional(), commands: z.string().optional() })
  .strict();
export type TSimAnswer = z.infer<typeof ZSimAnswer>;

/**
 * One assertion on a value found by a path in an object. Paths: `spec.replicas`,
 * `spec.containers[0].image`, `spec.containers[name=web].image`, `metadata.labels["app.kubernetes.io/name"]`,
 * `spec.containers[*].name` (a list). Exactly one comparator per assertion.
 * Comparison is semantic: quantities compare by value ("500m" = "0.5", "128Mi" = "134217728"),
 * numbers and numeric strings compare by value, lists of objects compare as multisets (order-free),
 * lists of scalars compare in order unless `unordered: true`.
 */
export const ZAssertion = z
  .object({
    path: z.string().min(1),
    equals: z.unknown().optional(),
    oneOf: z.array(z.unknown()).min(1).optional(),
    atLeast: z.union([z.number(), z.string()]).optional(),
    atMost: z.union([z.number(), z.string()]).optional(),
    /** JavaScript regular expression tested against the value rendered as a string. */
    matches: z.string().optional(),
    /** For a string: substring; for a list: contains an element equal to this (semantic compare). */
    contains: z.unknown().optional(),
    /** The path resolves to nothing (undefined/null/missing). */
    absent: z.literal(true).optional(),
    /** The path resolves to something. */
    present: z.literal(true).optional(),
    unordered: z.boolean().optional(),
  })
  .strict()
  .refine(
    (a) =>
      ["equals", "oneOf", "atLeast", "atMost", "matches", "contains", "absent", "present"].filter(
        (k) => (a as Record<string, unknown>)[k] !== undefined,
      ).length === 1,
    { message: "an assertion needs exactly one of equals, oneOf, atLeast, atMost, matches, contains, absent, present" },
  );
export type TAssertion = z.infer<typeof ZAssertion>;

const ZCount = z
  .object({ equals: z.number().int().optional(), atLeast: z.number().int().optional(), atMost: z.number().int().optional() })
  .strict()
  .refine((c) => c.equals !== undefined || c.atLeast !== undefined || c.atMost !== undefined, {
    message: "count needs equals, atLeast or atMost",
  });

const ZCheckCommon = {
  id: ZSlug,
  /** Relative weight; partial credit follows the weights. */
  weight: z.number().positive().default(1),
  /** What this check verifies, shown with its result. */
  description: ZText,
  /** Shown when the check fails: a nudge toward the fact, never the answer verbatim. */
  feedback: ZText,
  /** Virtual seconds after the answer was applied at which to evaluate (default: task.advance). */
  after: z.number().int().min(0).max(3600).optional(),
};

/**
 * Object reference, kubectl-style: "pod/web", "deployment/api -n prod", "svc/web",
 * or a list: "pods -l app=web", "pods -l app=web -n prod", "pods" (all in the namespace).
 */
const ZTarget = z.string().min(1);

export const ZCheck = z.discriminatedUnion("kind", [
  /** The object exists and every assertion holds. */
  z.object({ ...ZCheckCommon, kind: z.literal("object"), target: ZTarget, expect: z.array(ZAssertion).default([]) }).strict(),
  /** The object does not exist (e.g. deleted, never created). */
  z.object({ ...ZCheckCommon, kind: z.literal("absent"), target: ZTarget }).strict(),
  /** Objects matching target (a list reference), filtered by `where` (all must hold per item), counted. */
  z
    .object({ ...ZCheckCommon, kind: z.literal("count"), target: ZTarget, where: z.array(ZAssertion).default([]), count: ZCount })
    .strict(),
  /** An event exists (or, with absent: true, none does) with this reason/type/message for the object(s). */
  z
    .object({
      ...ZCheckCommon,
      kind: z.literal("event"),
      /** Involved object, e.g. "pod/web" or "pods -l app=web"; omitted: any object in the namespace. */
      target: ZTarget.optional(),
      reason: z.string().min(1),
      type: z.enum(["Normal", "Warning"]).optional(),
      messageContains: z.string().optional(),
      absent: z.literal(true).optional(),
    })
    .strict(),
  /** A kubectl command's output (run by the grader after the answer, in the task's namespace). */
  z
    .object({
      ...ZCheckCommon,
      kind: z.literal("kubectl"),
      command: z.string().regex(/^kubectl\s/, "must start with kubectl"),
      contains: z.array(z.string()).default([]),
      notContains: z.array(z.string()).default([]),
      matches: z.string().optional(),
      exitCode: z.number().int().optional(),
    })
    .strict(),
  /** A command run in a container (like kubectl exec) and its output. */
  z
    .object({
      ...ZCheckCommon,
      kind: z.literal("exec"),
      target: ZTarget,
      container: z.string().optional(),
      command: z.array(z.string()).min(1),
      stdoutContains: z.array(z.string()).default([]),
      stdoutEquals: z.string().optional(),
      exitCode: z.number().int().optional(),
    })
    .strict(),
]);
export type TCheck = z.infer<typeof ZCheck>;

export const ZTask = z
  .object({
    /** What the learner may write. "either": a manifest or kubectl commands (outcomes are graded, not methods). */
    answer: z.enum(["manifest", "commands", "either"]).default("either"),
    /** Namespace the task works in; created by the grader when not "default". */
    namespace: z.string().default("default"),
    /** Editor starter text (spot-the-mistake: the flawed manifest or command, typos included). */
    starter: z.string().optional(),
    /** The cluster as the learner finds it: applied, then advanced, before the answer. */
    setup: z
      .object({
        manifests: z.string().optional(),
        commands: z.string().optional(),
        /** Virtual seconds to run after setup (e.g. let a broken pod reach CrashLoopBackOff). */
        advance: z.number().int().min(0).max(3600).default(0),
      })
      .strict()
      .optional(),
    /** apply (default) = kubectl apply; replace-force = delete then create each object (for fixing Pods). */
    applyMode: z.enum(["apply", "replace-force"]).default("apply"),
    /** Virtual seconds the cluster runs after the answer before checks are evaluated (default 60). */
    advance: z.number().int().min(0).max(3600).default(60),
    /** Exam context name shown to the learner (`kubectl config use-context NAME`). */
    context: z.string().optional(),
  })
  .strict();
export type TTask = z.infer<typeof ZTask>;

export const ZSimTests = z
  .object({
    /** Other correct answers (e.g. imperative vs declarative): each must score 100%. */
    alternatives: z.array(ZSimAnswer.extend({ note: z.string().optional() }).strict()).default([]),
    /** Wrong answers: each must lose the marks of every check it names (and may lose others). */
    wrong: z
      .array(
        ZSimAnswer.extend({ note: z.string().optional(), fails: z.array(ZSlug).min(1) }).strict(),
      )
      .min(2),
    /** An answer that cannot be graded (YAML that does not parse, wrong kind, empty): reported invalid. */
    invalid: ZSimAnswer.extend({ note: z.string().optional() }).strict(),
  })
  .strict();

const ZSimCommon = {
  ...ZCommon,
  task: ZTask,
  checks: z.array(ZCheck).min(1),
  /** The reference solution; shown after grading, diffed against the learner's answer. */
  solution: ZSimAnswer,
  tests: ZSimTests,
};

export const ZManifestTask = z.object({ ...ZSimCommon, type: z.literal("manifest") }).strict();
export const ZCommandTask = z.object({ ...ZSimCommon, type: z.literal("command") }).strict();
export const ZTroubleshootingTask = z.object({ ...ZSimCommon, type: z.literal("troubleshooting") }).strict();
export const ZSpotTheMistake = z
  .object({
    ...ZSimCommon,
    type: z.literal("spot-the-mistake"),
    /** What the flawed text gets wrong, for the explanation (the note's typo or mistake). */
    mistakes: z.array(ZText).min(1),
  })
  .strict();

export const ZQuestion = z.discriminatedUnion("type", [
  ZSingleChoice,
  ZMultipleChoice,
  ZTrueFalse,
  ZFillIn,
  ZOrdering,
  ZMatching,
  ZManifestTask,
  ZCommandTask,
  ZTroubleshootingTask,
  ZSpotTheMistake,
]);
export type TQuestion = z.infer<typeof ZQuestion>;
export type TSimQuestion = Extract<TQuestion, { type: (typeof SIM_TYPES)[number] }>;
export type TChoiceQuestion = Exclude<TQuestion, TSimQuestion>;

export function isSimQuestion(q: TQuestion): q is TSimQuestion {
  return (SIM_TYPES as readonly string[]).includes(q.type);
}

// ─── Answers (what a learner submits; validated at the server boundary) ──────────────────────────

export const ZAnswer = z.discriminatedUnion("type", [
  z.object({ type: z.literal("single-choice"), choice: z.string() }).strict(),
  z.object({ type: z.literal("multiple-choice"), choices: z.array(z.string()) }).strict(),
  z.object({ type: z.literal("true-false"), value: z.boolean() }).strict(),
  z.object({ type: z.literal("fill-in"), blanks: z.record(z.string(), z.string()) }).strict(),
  z.object({ type: z.literal("ordering"), order: z.array(z.string()) }).strict(),
  z.object({ type: z.literal("matching"), pairs: z.record(z.string(), z.string()) }).strict(),
  z.object({ type: z.literal("sim"), manifest: z.string().optional(), commands: z.string().optional() }).strict(),
]);
export type TAnswer = z.infer<typeof ZAnswer>;

// ─── Syllabus ────────────────────────────────────────────────────────────────────────────────────

export const ZObjective = z
  .object({
    id: ZObjectiveId,
    topic: ZTopic,
    skill: z.enum(["recall", "understand", "apply", "troubleshoot"]),
    sources: z.array(z.string()).min(1),
    statement_en: z.string().min(1),
    statement_zh: z.string().min(1),
    note_error: z.string().nullable(),
    gradable_by_simulator: z.boolean(),
  })
  .strict();
export type TObjective = z.infer<typeof ZObjective>;
export const ZSyllabus = z.array(ZObjective);
