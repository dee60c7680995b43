// CKAD-style exams and timed quizzes: templates, starting a session with a server-side deadline
// (× the learner's time accommodation), autosaving every task's draft, flags and the notepad,
// submitting, closing sessions at their deadline (late writes are refused) and grading what was
// saved, and reading results. Every call re-checks that the session belongs to the signed-in user.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { db, isUniqueViolation, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { GRADER_VERSION } from "@/lib/grading";
import { isSimQuestion, renderQuestion, toClientQuestion, ZAnswer, ZTopic, TOPICS, type TAnswer, type TClientQuestion, type TQuestion } from "@/lib/questions";
import { CKAD_DOMAINS, drawExam, scoreExam, seededShuffle, TOPIC_DOMAIN, type TDomainId } from "@/lib/exams/blueprint";
import { log } from "@/lib/log";
import { gradeAnswerInPool, type TGradeResult } from "./grading";
import { loadVersionContent } from "./question-bank";
import { buildReveal, MAX_ANSWER_BYTES, type TReveal } from "./practice";
import { recordReview } from "./progress";

// ─── Templates ───────────────────────────────────────────────────────────────────────────────────

export const ZExamMode = z.enum(["exam", "training"]);
export type TExamMode = z.infer<typeof ZExamMode>;

/** How a template draws its tasks (stored in ExamTemplate.rule). */
export const ZExamRule = z.discriminatedUnion("kind", [
  /** A CKAD-style exam: simulator tasks, points per CKAD domain by the curriculum's weights. */
  z.object({ kind: z.literal("ckad"), mode: ZExamMode, tasks: z.number().int().min(5).max(25) }).strict(),
  /** A short quiz of mixed question types, optionally one topic. */
  z.object({ kind: z.literal("quiz"), mode: ZExamMode, count: z.number().int().min(3).max(40), topic: ZTopic.optional() }).strict(),
  /** Fixed questions (instructor-made templates). */
  z.object({ kind: z.literal("fixed"), mode: ZExamMode, questionIds: z.array(z.string().min(1)).min(1).max(40) }).strict(),
]);
export type TExamRule = z.infer<typeof ZExamRule>;

type TBuiltIn = { slug: string; title: string; description: string; durationSec: number; passingScore: number; rule: TExamRule };

/** Built-in templates, created on first use. Topic quizzes exist for every syllabus topic. */
export const BUILT_IN_TEMPLATES: TBuiltIn[] = [
  { slug: "ckad-mock", title: "CKAD mock exam", description: "2 hours, 16 simulator-graded tasks weighted by the CKAD domains.", durationSec: 7200, passingScore: 66, rule: { kind: "ckad", mode: "exam", tasks: 16 } },
  { slug: "ckad-training", title: "CKAD training run", description: "The mock exam untimed, with hints and solutions; not counted as a pass.", durationSec: 7200, passingScore: 66, rule: { kind: "ckad", mode: "training", tasks: 16 } },
  { slug: "quiz-mixed", title: "Mixed quiz", description: "20 minutes, 12 questions from every topic.", durationSec: 1200, passingScore: 66, rule: { kind: "quiz", mode: "exam", count: 12 } },
  ...TOPICS.map((topic) => ({
    slug: `quiz-${topic}`,
    title: `Quiz: ${topic}`,
    description: "20 minutes, 8 questions of one topic.",
    durationSec: 1200,
    passingScore: 66,
    rule: { kind: "quiz", mode: "exam", count: 8, topic } as TExamRule,
  })),
];

/** Untimed (training) sessions still need a deadline row; they close after two weeks. */
const TRAINING_WINDOW_MS = 14 * 24 * 3600 * 1000;

async function ensureBuiltInTemplates(): Promise<void> {
  const existing = new Set((await db.examTemplate.findMany({ where: { slug: { in: BUILT_IN_TEMPLATES.map((t) => t.slug) } }, select: { slug: true } })).map((t) => t.slug));
  for (const t of BUILT_IN_TEMPLATES) {
    if (existing.has(t.slug)) continue;
    try {
      await db.examTemplate.create({ data: { slug: t.slug, title: t.title, description: t.description, durationSec: t.durationSec, passingScore: t.passingScore, rule: t.rule } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance created it first
    }
  }
}

export type TExamTemplateDto = {
  id: string;
  slug: string;
  title: string;
  description: string | null;
  durationSec: number;
  passingScore: number;
  mode: TExamMode;
  kind: TExamRule["kind"];
  topic: string | null;
  taskCount: number;
};

function templateDto(row: { id: string; slug: string; title: string; description: string | null; durationSec: number; passingScore: number; rule: unknown }): TExamTemplateDto | null {
  const rule = ZExamRule.safeParse(row.rule);
  if (!rule.success) return null;
  const r = rule.data;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    durationSec: row.durationSec,
    passingScore: row.passingScore,
    mode: r.mode,
    kind: r.kind,
    topic: r.kind === "quiz" ? (r.topic ?? null) : null,
    taskCount: r.kind === "ckad" ? r.tasks : r.kind === "quiz" ? r.count : r.questionIds.length,
  };
}

export type TExamHistoryDto = { id: string; templateSlug: string; title: string; status: string; mode: TExamMode; startedAt: Date; submittedAt: Date | null; deadlineAt: Date; percent: number | null; passed: boolean | null };

/** Templates the learner can start, and their exam history (newest first). Closes overdue sessions first. */
export async function listExams(user: CurrentUser, now: Date = new Date()): Promise<{ templates: TExamTemplateDto[]; history: TExamHistoryDto[] }> {
  await ensureBuiltInTemplates();
  await closeOverdueSessions(now, { userId: user.id });
  const [templates, sessions] = await Promise.all([
    db.examTemplate.findMany({ where: { archivedAt: null }, orderBy: [{ slug: "asc" }] }),
    db.examSession.findMany({
      where: { userId: user.id },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: 100,
      select: { id: true, status: true, startedAt: true, submittedAt: true, deadlineAt: true, score: true, maxScore: true, template: { select: { slug: true, title: true, passingScore: true, rule: true } } },
    }),
  ]);
  const order = new Map(BUILT_IN_TEMPLATES.map((t, i) => [t.slug, i]));
  return {
    templates: templates
      .map(templateDto)
      .filter((t): t is TExamTemplateDto => t !== null)
      .sort((a, b) => (order.get(a.slug) ?? 999) - (order.get(b.slug) ?? 999) || (a.slug < b.slug ? -1 : 1)),
    history: sessions.map((s) => {
      const percent = s.score !== null && s.maxScore ? Math.round((1000 * s.score) / s.maxScore) / 10 : null;
      const mode = ZExamRule.safeParse(s.template.rule).data?.mode ?? "exam";
      return {
        id: s.id,
        templateSlug: s.template.slug,
        title: s.template.title,
        status: s.status,
        mode,
        startedAt: s.startedAt,
        submittedAt: s.submittedAt,
        deadlineAt: s.deadlineAt,
        percent,
        passed: percent === null || mode === "training" ? null : percent >= s.template.passingScore,
      };
    }),
  };
}

// ─── Starting ────────────────────────────────────────────────────────────────────────────────────

/** The frozen task list of a session (ExamSession.tasks). */
const ZSessionTask = z.object({
  questionId: z.string(),
  questionVersionId: z.string(),
  attemptId: z.string(),
  points: z.number(),
  domain: z.string(),
  context: z.string(),
});
const ZSessionTasks = z.array(ZSessionTask);
type TSessionTask = z.infer<typeof ZSessionTask>;

type TCandidate = { id: string; topic: string; type: string; versionId: string; difficulty: "easy" | "medium" | "hard" };

async function candidates(): Promise<TCandidate[]> {
  const rows = await db.question.findMany({
    where: { retiredAt: null, currentVersionId: { not: null } },
    select: { id: true, topic: true, type: true, currentVersionId: true, currentVersion: { select: { content: true } } },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => {
    const d = (r.currentVersion?.content as { difficulty?: unknown } | null)?.difficulty;
    return { id: r.id, topic: r.topic, type: r.type, versionId: r.currentVersionId!, difficulty: d === "easy" || d === "hard" ? d : "medium" };
  });
}

const SIM_TYPES = new Set(["manifest", "command", "troubleshooting", "spot-the-mistake"]);


function drawTasks(rule: TExamRule, pool: TCandidate[], seed: number): { questionId: string; versionId: string; points: number; domain: string }[] {
  const byId = new Map(pool.map((c) => [c.id, c]));
  if (rule.kind === "ckad") {
    const draw = drawExam(pool.filter((c) => SIM_TYPES.has(c.type)), rule.tasks, seed);
    return draw.tasks.map((t) => ({ questionId: t.questionId, versionId: byId.get(t.questionId)!.versionId, points: t.points, domain: t.domain }));
  }
  const chosen =
    rule.kind === "quiz"
      ? seededShuffle(pool.filter((c) => !rule.topic || c.topic === rule.topic), seed).slice(0, rule.count)
      : rule.questionIds.map((id) => byId.get(id)).filter((c): c is TCandidate => c !== undefined);
  const n = chosen.length;
  // 100 points in tenths spread evenly: 12 questions → 8.4 × 4 + 8.3 × 8.
  return chosen.map((c, i) => ({ questionId: c.id, versionId: c.versionId, points: (Math.floor(1000 / n) + (i < 1000 % n ? 1 : 0)) / 10, domain: TOPIC_DOMAIN[c.topic] ?? "design-build" }));
}

/** A task's cluster context name, as in the real exam ("kubectl config use-context k8s-c3"). */
function contextName(question: TQuestion | null, index: number): string {
  return question && isSimQuestion(question) && question.task.context ? question.task.context : `k8s-c${index + 1}`;
}

/**
 * Starts a session of a template, or returns the one the learner already has in progress for it
 * (so a double click or a second tab resumes instead of starting twice).
 */
export async function startExam(user: CurrentUser, templateSlug: string, now: Date = new Date()): Promise<{ sessionId: string; resumed: boolean }> {
  await ensureBuiltInTemplates();
  await closeOverdueSessions(now, { userId: user.id });
  const template = await db.examTemplate.findFirst({ where: { slug: String(templateSlug).slice(0, 100), archivedAt: null } });
  if (!template) throw new AppError("NOT_FOUND");
  const rule = ZExamRule.safeParse(template.rule);
  if (!rule.success) throw new AppError("INTERNAL", { cause: new Error(`exam template ${template.slug} has an invalid rule`) });
  const open = await db.examSession.findFirst({ where: { userId: user.id, templateId: template.id, status: "in_progress" }, select: { id: true } });
  if (open) return { sessionId: open.id, resumed: true };

  const seed = randomInt(0, 2 ** 31 - 1);
  const drawn = drawTasks(rule.data, await candidates(), seed);
  if (drawn.length === 0) throw new AppError("CONFLICT");
  const multiplier = user.timeMultiplier > 0 ? user.timeMultiplier : 1;
  const deadlineAt = rule.data.mode === "training" ? new Date(now.getTime() + TRAINING_WINDOW_MS) : new Date(now.getTime() + Math.round(template.durationSec * 1000 * multiplier));
  const contents = await Promise.all(drawn.map((d) => loadVersionContent(d.versionId)));

  const sessionId = await db.$transaction(async (tx) => {
    const session = await tx.examSession.create({
      data: { userId: user.id, templateId: template.id, seed, tasks: [], startedAt: now, deadlineAt, timeMultiplier: multiplier },
      select: { id: true },
    });
    const tasks: TSessionTask[] = [];
    for (const [index, d] of drawn.entries()) {
      const attempt = await tx.attempt.create({
        data: {
          userId: user.id,
          questionId: d.questionId,
          questionVersionId: d.versionId,
          mode: "exam",
          seed: (seed + (index + 1) * 7919) % 2_147_483_647,
          startedAt: now,
          examSessionId: session.id,
          examTaskIndex: index,
        },
        select: { id: true },
      });
      await tx.examTaskAnswer.create({ data: { examSessionId: session.id, taskIndex: index, questionVersionId: d.versionId } });
      tasks.push({ questionId: d.questionId, questionVersionId: d.versionId, attemptId: attempt.id, points: d.points, domain: d.domain, context: contextName(contents[index], index) });
    }
    await tx.examSession.update({ where: { id: session.id }, data: { tasks } });
    return session.id;
  });
  return { sessionId, resumed: false };
}

// ─── Taking ──────────────────────────────────────────────────────────────────────────────────────

/** What the client keeps per task: the answer in progress and the time spent on it. */
export const ZTaskDraft = z
  .object({
    answer: ZAnswer.optional(),
    /** Milliseconds the learner has spent on this task so far (reported by the client). */
    timeMs: z.number().int().min(0).max(7 * 24 * 3600 * 1000).optional(),
  })
  .strict();
export type TTaskDraft = z.infer<typeof ZTaskDraft>;

type TOwnedSession = {
  id: string;
  status: string;
  seed: number;
  startedAt: Date;
  deadlineAt: Date;
  submittedAt: Date | null;
  notes: string | null;
  currentTaskIndex: number;
  score: number | null;
  maxScore: number | null;
  timeMultiplier: number;
  tasks: TSessionTask[];
  template: { slug: string; title: string; passingScore: number; durationSec: number; rule: TExamRule };
};

async function loadOwnedSession(user: CurrentUser, sessionId: unknown): Promise<TOwnedSession> {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.examSession.findFirst({
    where: { id: sessionId, userId: user.id },
    select: {
      id: true,
      status: true,
      seed: true,
      startedAt: true,
      deadlineAt: true,
      submittedAt: true,
      notes: true,
      currentTaskIndex: true,
      score: true,
      maxScore: true,
      timeMultiplier: true,
      tasks: true,
      template: { select: { slug: true, title: true, passingScore: true, durationSec: true, rule: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const tasks = ZSessionTasks.safeParse(row.tasks);
  const rule = ZExamRule.safeParse(row.template.rule);
  if (!tasks.success || !rule.success) throw new AppError("INTERNAL", { cause: new Error(`exam session ${row.id} is malformed`) });
  return { ...row, tasks: tasks.data, template: { ...row.template, rule: rule.data } };
}

export type TExamTaskView = {
  index: number;
  questionId: string;
  attemptId: string;
  domain: string;
  points: number;
  context: string;
  question: TClientQuestion;
  draft: TTaskDraft | null;
  flagged: boolean;
};

export type TExamView = {
  id: string;
  title: string;
  slug: string;
  mode: TExamMode;
  status: string;
  startedAt: string;
  deadlineAt: string;
  /** Server clock at the time of reading: the client's countdown is deadlineAt − serverNow, offset-corrected. */
  serverNow: string;
  durationSec: number;
  timeMultiplier: number;
  notes: string;
  currentTaskIndex: number;
  tasks: TExamTaskView[];
  domains: { id: TDomainId; title: { en: string; zh: string }; points: number }[];
};

/** The session as the exam page needs it. A session past its deadline is closed and graded first. */
export async function getExamView(user: CurrentUser, sessionId: string, now: Date = new Date()): Promise<TExamView> {
  let session = await loadOwnedSession(user, sessionId);
  if (session.status === "in_progress" && now.getTime() > session.deadlineAt.getTime()) {
    await finalizeSession(session.id, "expired", now);
    session = await loadOwnedSession(user, sessionId);
  }
  const drafts = await db.examTaskAnswer.findMany({ where: { examSessionId: session.id }, select: { taskIndex: true, draft: true, flagged: true } });
  const draftOf = new Map(drafts.map((d) => [d.taskIndex, d]));
  const attempts = await db.attempt.findMany({ where: { examSessionId: session.id }, select: { id: true, seed: true } });
  const seedOf = new Map(attempts.map((a) => [a.id, a.seed]));
  const tasks: TExamTaskView[] = [];
  for (const [index, t] of session.tasks.entries()) {
    const content = await loadVersionContent(t.questionVersionId);
    if (!content) throw new AppError("INTERNAL", { cause: new Error(`question version ${t.questionVersionId} is not a valid question`) });
    const seed = seedOf.get(t.attemptId) ?? session.seed;
    const d = draftOf.get(index);
    const parsed = ZTaskDraft.safeParse(d?.draft ?? {});
    tasks.push({
      index,
      questionId: t.questionId,
      attemptId: t.attemptId,
      domain: t.domain,
      points: t.points,
      context: t.context,
      question: toClientQuestion(renderQuestion(content, seed), seed),
      draft: d?.draft && parsed.success ? parsed.data : null,
      flagged: d?.flagged ?? false,
    });
  }
  const domains = CKAD_DOMAINS.filter((d) => session.tasks.some((t) => t.domain === d.id)).map((d) => ({
    id: d.id,
    title: d.title,
    points: Math.round(10 * session.tasks.filter((t) => t.domain === d.id).reduce((s, t) => s + t.points, 0)) / 10,
  }));
  return {
    id: session.id,
    title: session.template.title,
    slug: session.template.slug,
    mode: session.template.rule.mode,
    status: session.status,
    startedAt: session.startedAt.toISOString(),
    deadlineAt: session.deadlineAt.toISOString(),
    serverNow: now.toISOString(),
    durationSec: session.template.durationSec,
    timeMultiplier: session.timeMultiplier,
    notes: session.notes ?? "",
    currentTaskIndex: session.currentTaskIndex,
    tasks,
    domains,
  };
}

/** Refuses writes to a closed session, closing (and grading) one whose deadline has passed. */
async function writableSession(user: CurrentUser, sessionId: string, now: Date): Promise<TOwnedSession> {
  const session = await loadOwnedSession(user, sessionId);
  if (session.status !== "in_progress") throw new AppError("CONFLICT", { messageKey: "exam.closed" });
  if (now.getTime() > session.deadlineAt.getTime()) {
    await finalizeSession(session.id, "expired", now);
    throw new AppError("CONFLICT", { messageKey: "exam.closed" });
  }
  return session;
}

/** Autosaves one task's draft and/or flag. Refused (CONFLICT exam.closed) after the deadline. */
export async function saveTaskDraft(
  user: CurrentUser,
  sessionId: string,
  taskIndex: number,
  input: { draft?: unknown; flagged?: boolean },
  now: Date = new Date(),
): Promise<{ savedAt: string }> {
  const session = await writableSession(user, sessionId, now);
  if (!Number.isInteger(taskIndex) || taskIndex < 0 || taskIndex >= session.tasks.length) throw new AppError("NOT_FOUND");
  const data: { draft?: Prisma.InputJsonValue; flagged?: boolean } = {};
  if (input.draft !== undefined) {
    const draft = ZTaskDraft.safeParse(input.draft);
    if (!draft.success) throw new AppError("VALIDATION");
    if (Buffer.byteLength(JSON.stringify(draft.data), "utf8") > MAX_ANSWER_BYTES) throw new AppError("VALIDATION");
    data.draft = draft.data as Prisma.InputJsonValue;
  }
  if (input.flagged !== undefined) data.flagged = Boolean(input.flagged);
  // The deadline is re-checked inside the write, so a save racing the deadline cannot land late.
  const updated = await db.examTaskAnswer.updateMany({
    where: { examSessionId: session.id, taskIndex, examSession: { status: "in_progress", deadlineAt: { gte: now } } },
    data,
  });
  if (updated.count !== 1) throw new AppError("CONFLICT", { messageKey: "exam.closed" });
  return { savedAt: now.toISOString() };
}

/** Autosaves the notepad and the task the learner is on (so a reload returns there). */
export async function saveExamState(user: CurrentUser, sessionId: string, input: { notes?: string; currentTaskIndex?: number }, now: Date = new Date()): Promise<{ savedAt: string }> {
  const session = await writableSession(user, sessionId, now);
  const data: { notes?: string; currentTaskIndex?: number } = {};
  if (input.notes !== undefined) {
    if (typeof input.notes !== "string" || input.notes.length > 20_000) throw new AppError("VALIDATION");
    data.notes = input.notes;
  }
  if (input.currentTaskIndex !== undefined) {
    if (!Number.isInteger(input.currentTaskIndex) || input.currentTaskIndex < 0 || input.currentTaskIndex >= session.tasks.length) throw new AppError("VALIDATION");
    data.currentTaskIndex = input.currentTaskIndex;
  }
  const updated = await db.examSession.updateMany({ where: { id: session.id, status: "in_progress", deadlineAt: { gte: now } }, data });
  if (updated.count !== 1) throw new AppError("CONFLICT", { messageKey: "exam.closed" });
  return { savedAt: now.toISOString() };
}

/** Training mode only: the task's hint-and-solution reveal while the session is open. */
export async function revealTrainingTask(user: CurrentUser, sessionId: string, taskIndex: number): Promise<TReveal> {
  const session = await loadOwnedSession(user, sessionId);
  if (session.template.rule.mode !== "training") throw new AppError("FORBIDDEN");
  const task = session.tasks[taskIndex];
  if (!task) throw new AppError("NOT_FOUND");
  const attempt = await db.attempt.findFirst({ where: { id: task.attemptId, userId: user.id }, select: { seed: true } });
  const content = await loadVersionContent(task.questionVersionId);
  if (!attempt || !content) throw new AppError("NOT_FOUND");
  return buildReveal(content, attempt.seed);
}

/** The learner ends the exam: it closes now and what was saved is graded. */
export async function submitExam(user: CurrentUser, sessionId: string, now: Date = new Date()): Promise<{ status: string }> {
  const session = await loadOwnedSession(user, sessionId);
  if (session.status === "in_progress") {
    await finalizeSession(session.id, now.getTime() > session.deadlineAt.getTime() ? "expired" : "submitted", now);
  } else if (session.score === null) {
    // Closed earlier but grading did not finish (a crash mid-grading): finish it now.
    await gradeSession(session.id, now);
  }
  return { status: (await loadOwnedSession(user, sessionId)).status };
}

// ─── Closing and grading ─────────────────────────────────────────────────────────────────────────

/**
 * Closes a session (once: the status change is the claim) and grades every task from its saved
 * draft. Safe to call from several requests or instances at the same time.
 */
async function finalizeSession(sessionId: string, status: "submitted" | "expired", now: Date): Promise<void> {
  const claimed = await db.examSession.updateMany({ where: { id: sessionId, status: "in_progress" }, data: { status, submittedAt: now } });
  if (claimed.count === 1 || (await db.examSession.findUnique({ where: { id: sessionId }, select: { score: true } }))?.score === null) {
    await gradeSession(sessionId, now);
  }
}

/** Answer to grade for a task: the saved draft, plus (simulator tasks) the terminal's command log. */
async function answerFor(attemptId: string, question: TQuestion, draft: TTaskDraft | null): Promise<TAnswer | null> {
  const saved = draft?.answer ?? null;
  if (!isSimQuestion(question)) return saved;
  const session = await db.terminalSession.findFirst({ where: { attemptId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  const commands = session
    ? await db.terminalCommand.findMany({ where: { sessionId: session.id }, orderBy: { seq: "asc" }, select: { input: true, virtualAt: true } })
    : [];
  const manifest = saved?.type === "sim" ? saved.manifest : undefined;
  let script = saved?.type === "sim" ? (saved.commands ?? "") : "";
  if (commands.length > 0) {
    // Replay the terminal with the pauses between commands, as the learner ran them.
    let last = 0;
    const lines: string[] = [];
    for (const c of commands) {
      const gap = c.virtualAt - last;
      if (gap > 0.001) lines.push(`sleep ${gap.toFixed(3).replace(/\.?0+$/, "")}`);
      lines.push(c.input);
      last = c.virtualAt;
    }
    script = [script.trim(), lines.join("\n")].filter((s) => s !== "").join("\n");
  }
  if ((manifest ?? "").trim() === "" && script.trim() === "") return null;
  return { type: "sim", ...(manifest && manifest.trim() !== "" ? { manifest } : {}), ...(script.trim() !== "" ? { commands: script } : {}) };
}

async function gradeSession(sessionId: string, now: Date): Promise<void> {
  const session = await db.examSession.findUnique({ where: { id: sessionId }, select: { id: true, userId: true, tasks: true } });
  if (!session) return;
  const tasks = ZSessionTasks.parse(session.tasks);
  const drafts = await db.examTaskAnswer.findMany({ where: { examSessionId: sessionId }, select: { taskIndex: true, draft: true } });
  const draftOf = new Map(drafts.map((d) => [d.taskIndex, ZTaskDraft.safeParse(d.draft ?? {}).data ?? null]));
  for (const [index, task] of tasks.entries()) {
    const attempt = await db.attempt.findUnique({ where: { id: task.attemptId }, select: { id: true, status: true, seed: true, questionVersionId: true } });
    if (!attempt || attempt.status !== "in_progress") continue;
    const question = await loadVersionContent(task.questionVersionId);
    if (!question) continue;
    const answer = await answerFor(attempt.id, question, draftOf.get(index) ?? null);
    // One answer per exam task: the key makes a second grader (another instance) skip it.
    const key = `exam:${attempt.id}`;
    let answerId: string;
    try {
      answerId = (
        await db.answer.create({
          data: { attemptId: attempt.id, questionVersionId: task.questionVersionId, payload: (answer ?? { type: "none" }) as Prisma.InputJsonValue, seed: attempt.seed, idempotencyKey: key },
          select: { id: true },
        })
      ).id;
    } catch (error) {
      if (isUniqueViolation(error)) continue;
      throw error;
    }
    let result: TGradeResult;
    if (!answer) {
      result = { status: "invalid", reason: { en: "No answer was saved for this task.", zh: "这道题没有保存任何作答。" }, details: [] };
    } else {
      try {
        result = await gradeAnswerInPool(question, answer, attempt.seed);
      } catch (error) {
        log.error("exam task grading failed", { sessionId, index, error });
        result = { status: "error", code: "internal", message: { en: "This task could not be graded.", zh: "这道题无法评分。" } };
      }
    }
    const graded = result.status === "graded" ? result : null;
    const percent = graded && graded.maxScore > 0 ? (100 * graded.score) / graded.maxScore : 0;
    await db.$transaction(async (tx) => {
      await tx.answer.update({
        where: { id: answerId },
        data: { result: result as unknown as Prisma.InputJsonValue, score: graded ? graded.score : 0, maxScore: graded ? graded.maxScore : 1, valid: graded !== null, gradedAt: now, graderVersion: GRADER_VERSION },
      });
      await tx.attempt.update({ where: { id: attempt.id }, data: { status: "graded", score: percent, maxScore: 100, submittedAt: now } });
      if (answer) await recordReview(tx, { userId: session.userId, questionId: task.questionId, answerId, percent, at: now });
    });
  }
  const attempts = await db.attempt.findMany({ where: { examSessionId: sessionId }, select: { id: true, status: true, score: true } });
  if (attempts.some((a) => a.status !== "graded")) return;
  const percentOf = new Map(attempts.map((a) => [a.id, a.score ?? 0]));
  const scored = scoreExam(tasks.map((t) => ({ questionId: t.questionId, domain: t.domain as TDomainId, points: t.points, percent: percentOf.get(t.attemptId) ?? 0 })));
  await db.examSession.update({ where: { id: sessionId }, data: { score: scored.earned, maxScore: scored.possible } });
}

/**
 * Closes every session whose deadline has passed (all users, or one user's) and grades it. Runs on
 * page loads and from the server's sweeper, so a learner who never submits is graded at the deadline.
 */
export async function closeOverdueSessions(now: Date = new Date(), options: { userId?: string; limit?: number } = {}): Promise<number> {
  const overdue = await db.examSession.findMany({
    where: { status: "in_progress", deadlineAt: { lt: now }, ...(options.userId ? { userId: options.userId } : {}) },
    select: { id: true },
    orderBy: { deadlineAt: "asc" },
    take: options.limit ?? 20,
  });
  for (const s of overdue) await finalizeSession(s.id, "expired", now);
  return overdue.length;
}

// ─── Results ─────────────────────────────────────────────────────────────────────────────────────

export type TExamTaskResult = {
  index: number;
  questionId: string;
  domain: string;
  points: number;
  earned: number;
  percent: number;
  timeMs: number;
  question: TClientQuestion;
  answer: TAnswer | null;
  result: TGradeResult | null;
  reveal: TReveal;
};

export type TExamResult = {
  id: string;
  title: string;
  slug: string;
  mode: TExamMode;
  status: string;
  startedAt: string;
  submittedAt: string | null;
  usedMs: number;
  percent: number;
  earned: number;
  possible: number;
  passingScore: number;
  passed: boolean | null;
  domains: { domain: string; title: { en: string; zh: string }; earned: number; possible: number; percent: number }[];
  tasks: TExamTaskResult[];
};

/** The graded result of a closed session (NOT_FOUND for another user's; CONFLICT while still open). */
export async function getExamResult(user: CurrentUser, sessionId: string, now: Date = new Date()): Promise<TExamResult> {
  let session = await loadOwnedSession(user, sessionId);
  if (session.status === "in_progress") {
    if (now.getTime() <= session.deadlineAt.getTime()) throw new AppError("CONFLICT");
    await finalizeSession(session.id, "expired", now);
    session = await loadOwnedSession(user, sessionId);
  } else if (session.score === null) {
    await gradeSession(session.id, now);
    session = await loadOwnedSession(user, sessionId);
  }
  const attempts = await db.attempt.findMany({
    where: { examSessionId: session.id },
    select: { id: true, seed: true, score: true, answers: { select: { payload: true, result: true }, orderBy: { createdAt: "desc" }, take: 1 } },
  });
  const byId = new Map(attempts.map((a) => [a.id, a]));
  const drafts = await db.examTaskAnswer.findMany({ where: { examSessionId: session.id }, select: { taskIndex: true, draft: true } });
  const timeOf = new Map(drafts.map((d) => [d.taskIndex, ZTaskDraft.safeParse(d.draft ?? {}).data?.timeMs ?? 0]));
  const tasks: TExamTaskResult[] = [];
  for (const [index, t] of session.tasks.entries()) {
    const a = byId.get(t.attemptId);
    const content = await loadVersionContent(t.questionVersionId);
    if (!a || !content) continue;
    const percent = a.score ?? 0;
    const payload = ZAnswer.safeParse(a.answers[0]?.payload);
    tasks.push({
      index,
      questionId: t.questionId,
      domain: t.domain,
      points: t.points,
      earned: Math.round(t.points * percent) / 100,
      percent: Math.round(percent * 10) / 10,
      timeMs: timeOf.get(index) ?? 0,
      question: toClientQuestion(renderQuestion(content, a.seed), a.seed),
      answer: payload.success ? payload.data : null,
      result: (a.answers[0]?.result as TGradeResult | null) ?? null,
      reveal: buildReveal(content, a.seed),
    });
  }
  const scored = scoreExam(tasks.map((t) => ({ questionId: t.questionId, domain: t.domain as TDomainId, points: t.points, percent: t.percent })));
  const mode = session.template.rule.mode;
  return {
    id: session.id,
    title: session.template.title,
    slug: session.template.slug,
    mode,
    status: session.status,
    startedAt: session.startedAt.toISOString(),
    submittedAt: session.submittedAt?.toISOString() ?? null,
    usedMs: Math.max(0, (session.submittedAt ?? now).getTime() - session.startedAt.getTime()),
    percent: scored.percent,
    earned: scored.earned,
    possible: scored.possible,
    passingScore: session.template.passingScore,
    passed: mode === "training" ? null : scored.percent >= session.template.passingScore,
    domains: scored.domains.map((d) => ({ ...d, title: CKAD_DOMAINS.find((c) => c.id === d.domain)?.title ?? { en: d.domain, zh: d.domain } })),
    tasks,
  };
}
