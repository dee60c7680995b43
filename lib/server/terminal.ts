// The web terminal of a practice task. A session is stored as its attempt's seed and question version
// plus the log of commands with the virtual time each ran at; any app instance rebuilds the cluster
// by replaying that log on startTaskCluster's starting state, so nothing but the database is shared.
// Virtual time follows the wall clock ("seconds since the session started", capped), so a Pod the
// learner created a minute ago has had a minute to start. Rebuilt clusters are cached per process
// (a small LRU keyed by session and command count) only to spare a typing learner a full replay.
import "server-only";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { blockedFor, minutesUntil, recordHit, type RateLimitRule } from "@/lib/auth/rate-limit";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { startTaskCluster } from "@/lib/grading";
import { isSimQuestion, renderQuestion, type TAnswer, type TSimQuestion } from "@/lib/questions";
import { ScriptRunner, type Cluster, type KubectlSession } from "@/lib/sim";
import { isAssignmentAttemptWritable } from "./assignments";
import { loadOwnedPracticeAttempt, questionOf } from "./practice";
import { loadVersionContent } from "./question-bank";

/** One line (or pasted here-document) of at most 4 KiB. */
export const MAX_LINE_BYTES = 4 * 1024;
export const MAX_COMMANDS_PER_SESSION = 500;
export const COMMANDS_PER_USER: RateLimitRule = { limit: 60, windowMs: 60_000 };
/** Virtual time stops following the wall clock two hours into a session (replays stay cheap). */
export const MAX_VIRTUAL_SECONDS = 2 * 3600;
/** Output kept in the log for display; replay recomputes it, so trimming loses nothing. */
const STORED_OUTPUT_CHARS = 64 * 1024;
const RETURNED_OUTPUT_CHARS = 256 * 1024;
const CACHE_ENTRIES = 32;

const ZClusterOptions = z.object({ questionVersionId: z.string().min(1), maxVirtualSeconds: z.number().positive() });
type TClusterOptions = z.infer<typeof ZClusterOptions>;

export type TTerminalHistoryEntry = { input: string; output: string; exitCode: number | null; virtualAt: number };
export type TTerminalPrompt = {
  /** The namespace kubectl starts in (the task's). */
  namespace: string;
  /** The exam-style context name when the task names one (`kubectl config use-context NAME`). */
  context: string | null;
  hostname: string;
};
export type TOpenTerminal = { sessionId: string; history: TTerminalHistoryEntry[]; prompt: TTerminalPrompt; readOnly: boolean };
export type TCommandResult = { output: string; exitCode: number; virtualAt: number };

// ─── Replay ──────────────────────────────────────────────────────────────────────────────────────

type TLiveCluster = {
  cluster: Cluster;
  session: KubectlSession;
  runner: ScriptRunner;
  /** Virtual epoch milliseconds of the starting state: virtualAt 0. */
  baseMs: number;
};

type TStoredCommand = { input: string; virtualAt: number };

function elapsedMs(live: TLiveCluster): number {
  return live.cluster.now() - live.baseMs;
}

function toVirtualMs(seconds: number): number {
  return Math.round(seconds * 1000);
}

function advanceTo(live: TLiveCluster, targetMs: number): void {
  const gap = targetMs - elapsedMs(live);
  if (gap > 0) live.session.advance(gap / 1000);
}

/** Runs one terminal input as kubesim does; output is stdout then stderr per line, as printed. */
function runInput(live: TLiveCluster, input: string): { output: string; exitCode: number } {
  let output = "";
  let exitCode: number;
  try {
    live.runner.runScript(input, (out) => {
      output += out.stdout + out.stderr;
    });
    exitCode = live.runner.lastExit;
  } catch (error) {
    // A simulator limit (steps, objects) stops this command, exactly the same way on every replay.
    output += `error: ${error instanceof Error ? error.message : String(error)}\n`;
    exitCode = 1;
    live.runner.lastExit = 1;
  }
  // A watch (`-w`) cannot outlive its command in a request/response terminal: it ends with it, so
  // idle time between commands does not feed it.
  live.session.activeWatch = undefined;
  live.session.takeWatchOutput();
  return { output, exitCode };
}

function startLive(question: TSimQuestion, seed: number): TLiveCluster {
  const { cluster, session } = startTaskCluster(question, seed);
  return { cluster, session, runner: new ScriptRunner(session), baseMs: cluster.now() };
}

/** Rebuilds the cluster from the log; `ends` is the virtual time (ms) each command finished at. */
function replay(question: TSimQuestion, seed: number, commands: readonly TStoredCommand[]): { live: TLiveCluster; ends: number[] } {
  const live = startLive(question, seed);
  const ends: number[] = [];
  for (const command of commands) {
    advanceTo(live, toVirtualMs(command.virtualAt));
    runInput(live, command.input);
    ends.push(elapsedMs(live));
  }
  return { live, ends };
}

// The LRU: Map iteration order is insertion order, so re-inserting marks an entry most recent.
const cache = new Map<string, TLiveCluster>();

function cacheKey(sessionId: string, commandCount: number): string {
  return `${sessionId}:${commandCount}`;
}

/** Takes the cluster out of the cache: while a command runs on it, no other request may see it. */
function takeCached(sessionId: string, commandCount: number): TLiveCluster | undefined {
  const key = cacheKey(sessionId, commandCount);
  const live = cache.get(key);
  cache.delete(key);
  return live;
}

function putCached(sessionId: string, commandCount: number, live: TLiveCluster): void {
  cache.set(cacheKey(sessionId, commandCount), live);
  while (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
}

/** Forgets every cached cluster (tests simulate a restart or another instance with it). */
export function clearTerminalCache(): void {
  cache.clear();
}

// ─── Sessions ────────────────────────────────────────────────────────────────────────────────────

async function simQuestionOf(versionId: string): Promise<TSimQuestion> {
  const question = await loadVersionContent(versionId);
  if (!question) throw new AppError("INTERNAL", { cause: new Error(`question version ${versionId} is not a valid question`) });
  if (!isSimQuestion(question)) throw new AppError("CONFLICT");
  return question;
}

type TOwnedSession = {
  id: string;
  seed: number;
  createdAt: Date;
  closedAt: Date | null;
  options: TClusterOptions;
  attemptStatus: string | null;
  /** For an exam task's terminal: whether its exam session is still open at the time of the check. */
  exam: { status: string; deadlineAt: Date } | null;
};

/** The user's own terminal session; anyone else's (or a missing one) is NOT_FOUND. */
async function loadOwnedSession(user: CurrentUser, sessionId: unknown): Promise<TOwnedSession> {
  if (typeof sessionId !== "string" || sessionId.length === 0 || sessionId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.terminalSession.findFirst({
    where: { id: sessionId, userId: user.id },
    select: {
      id: true,
      seed: true,
      createdAt: true,
      closedAt: true,
      clusterOptions: true,
      attempt: { select: { status: true, examSession: { select: { status: true, deadlineAt: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const options = ZClusterOptions.safeParse(row.clusterOptions);
  if (!options.success) throw new AppError("INTERNAL", { cause: new Error(`terminal session ${row.id} has no replay options`) });
  return {
    id: row.id,
    seed: row.seed,
    createdAt: row.createdAt,
    closedAt: row.closedAt,
    options: options.data,
    attemptStatus: row.attempt?.status ?? null,
    exam: row.attempt?.examSession ?? null,
  };
}

async function storedCommands(sessionId: string) {
  return db.terminalCommand.findMany({
    where: { sessionId },
    orderBy: { seq: "asc" },
    select: { seq: true, input: true, output: true, exitCode: true, virtualAt: true },
  });
}

type TTerminalAttempt = Awaited<ReturnType<typeof loadOwnedPracticeAttempt>> & {
  examSessionId: string | null;
  examTaskIndex: number | null;
  /** Commands may run: a practice attempt in progress, or an exam task whose session is open and in time. */
  writable: boolean;
};

/** The user's own practice or exam attempt (assignment attempts have their own pages). */
async function loadOwnedTerminalAttempt(user: CurrentUser, attemptId: unknown, now: Date): Promise<TTerminalAttempt> {
  if (typeof attemptId !== "string" || attemptId.length === 0 || attemptId.length > 64) throw new AppError("NOT_FOUND");
  const row = await db.attempt.findFirst({
    where: { id: attemptId, userId: user.id },
    select: { mode: true, examSessionId: true, examTaskIndex: true, examSession: { select: { status: true, deadlineAt: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  if (row.mode === "practice") {
    const attempt = await loadOwnedPracticeAttempt(user, attemptId);
    return { ...attempt, examSessionId: null, examTaskIndex: null, writable: attempt.status === "in_progress" };
  }
  if (row.mode === "assignment") {
    // Homework: writable while the attempt is open and the assignment still accepts work (due date
    // with the learner's extension, the late window, the time limit).
    const full = await db.attempt.findFirstOrThrow({
      where: { id: attemptId, userId: user.id },
      select: { id: true, userId: true, questionId: true, questionVersionId: true, mode: true, seed: true, status: true, score: true, maxScore: true, startedAt: true, submittedAt: true, assignmentId: true },
    });
    if (!full.questionId || !full.questionVersionId) throw new AppError("NOT_FOUND");
    const { assignmentId, ...rest } = full;
    const writable = await isAssignmentAttemptWritable({ assignmentId, userId: full.userId, status: full.status }, now);
    return { ...rest, questionId: full.questionId, questionVersionId: full.questionVersionId, examSessionId: null, examTaskIndex: null, writable };
  }
  if (row.mode !== "exam" || !row.examSession) throw new AppError("FORBIDDEN");
  const full = await db.attempt.findFirstOrThrow({
    where: { id: attemptId, userId: user.id },
    select: { id: true, userId: true, questionId: true, questionVersionId: true, mode: true, seed: true, status: true, score: true, maxScore: true, startedAt: true, submittedAt: true },
  });
  if (!full.questionId || !full.questionVersionId) throw new AppError("NOT_FOUND");
  const open = row.examSession.status === "in_progress" && now.getTime() <= row.examSession.deadlineAt.getTime() && full.status === "in_progress";
  return { ...full, questionId: full.questionId, questionVersionId: full.questionVersionId, examSessionId: row.examSessionId, examTaskIndex: row.examTaskIndex, writable: open };
}

/**
 * Opens (or reopens) the terminal of a practice attempt or an exam task on a simulator task. A graded attempt's
 * terminal opens read-only: its history stays visible, commands are refused.
 */
export async function openTerminal(user: CurrentUser, attemptId: string, now: Date = new Date()): Promise<TOpenTerminal> {
  const attempt = await loadOwnedTerminalAttempt(user, attemptId, now);
  const question = await questionOf(attempt);
  if (!isSimQuestion(question)) throw new AppError("CONFLICT");
  const find = () =>
    db.terminalSession.findFirst({
      where: { attemptId: attempt.id, userId: user.id, closedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true },
    });
  let session = await find();
  if (!session && attempt.writable) {
    await db.terminalSession.create({
      data: {
        userId: user.id,
        attemptId: attempt.id,
        context: attempt.mode === "exam" ? "exam" : "practice",
        examSessionId: attempt.examSessionId,
        seed: attempt.seed,
        clusterOptions: { questionVersionId: attempt.questionVersionId, maxVirtualSeconds: MAX_VIRTUAL_SECONDS } satisfies TClusterOptions,
      },
    });
    // Two tabs racing both created one: every caller then picks the oldest, so they share it.
    session = await find();
  }
  if (!session) throw new AppError("CONFLICT");
  const rendered = renderQuestion(question, attempt.seed) as TSimQuestion;
  const history = (await storedCommands(session.id)).map((c) => ({ input: c.input, output: c.output ?? "", exitCode: c.exitCode, virtualAt: c.virtualAt }));
  return {
    sessionId: session.id,
    history,
    prompt: {
      namespace: rendered.task.namespace,
      // An exam task always names its cluster context, as the real exam does (k8s-c1, k8s-c2 …).
      context: rendered.task.context ?? (attempt.examTaskIndex !== null ? `k8s-c${attempt.examTaskIndex + 1}` : null),
      hostname: "controlplane",
    },
    readOnly: !attempt.writable,
  };
}

function lineProblem(line: unknown): AppError | null {
  if (typeof line !== "string") return new AppError("VALIDATION");
  if (Buffer.byteLength(line, "utf8") > MAX_LINE_BYTES) return new AppError("VALIDATION", { messageKey: "terminal.lineTooLong", params: { kib: MAX_LINE_BYTES / 1024 } });
  return null;
}

/** Runs one line in the session's cluster at the current virtual time and appends it to the log. */
export async function runTerminalCommand(user: CurrentUser, sessionId: string, line: string, now: Date = new Date()): Promise<TCommandResult> {
  const problem = lineProblem(line);
  if (problem) throw problem;
  const session = await loadOwnedSession(user, sessionId);
  if (session.closedAt || (session.attemptStatus !== null && session.attemptStatus !== "in_progress")) throw new AppError("CONFLICT", { messageKey: "terminal.closed" });
  // An exam's clusters freeze at its deadline: a late command is refused like a late answer.
  if (session.exam && (session.exam.status !== "in_progress" || now.getTime() > session.exam.deadlineAt.getTime())) {
    throw new AppError("CONFLICT", { messageKey: "exam.closed" });
  }

  const rateKey = `terminal:user:${user.id}`;
  const wait = await blockedFor(rateKey, now);
  if (wait !== null) throw new AppError("RATE_LIMITED", { params: { minutes: minutesUntil(wait) } });

  const commands = await storedCommands(session.id);
  if (commands.length >= MAX_COMMANDS_PER_SESSION) throw new AppError("CONFLICT", { messageKey: "terminal.sessionFull", params: { max: MAX_COMMANDS_PER_SESSION } });
  await recordHit(rateKey, COMMANDS_PER_USER, now);

  const question = await simQuestionOf(session.options.questionVersionId);
  const live = takeCached(session.id, commands.length) ?? replay(question, session.seed, commands).live;

  const wallMs = Math.max(0, now.getTime() - session.createdAt.getTime());
  advanceTo(live, Math.min(wallMs, session.options.maxVirtualSeconds * 1000));
  const virtualAt = elapsedMs(live) / 1000;
  const { output, exitCode } = runInput(live, line);

  try {
    await db.terminalCommand.create({
      data: { sessionId: session.id, seq: commands.length, input: line, virtualAt, exitCode, output: output.slice(0, STORED_OUTPUT_CHARS) },
    });
  } catch (error) {
    // Another request (another tab, another instance) appended command number `seq` first: this
    // cluster no longer matches the log, so it is dropped and the learner runs the line again.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", { messageKey: "terminal.raced" });
    throw error;
  }
  await db.terminalSession.update({ where: { id: session.id }, data: { updatedAt: now } });
  putCached(session.id, commands.length + 1, live);
  return { output: output.length > RETURNED_OUTPUT_CHARS ? `${output.slice(0, RETURNED_OUTPUT_CHARS)}\n… (output truncated)\n` : output, exitCode, virtualAt };
}

/** "12.5" for 12.5 s: kubesim's sleep takes decimal seconds. */
function sleepArg(ms: number): string {
  return (ms / 1000).toFixed(3).replace(/\.?0+$/, "");
}

/**
 * The session's log as a kubesim script for grading a command task by replay: each command, with a
 * `sleep N` before it for the virtual time that passed between the previous command finishing and
 * this one starting (time a command spent itself, e.g. `kubectl wait`, is not slept twice).
 */
export async function terminalAnswer(user: CurrentUser, sessionId: string): Promise<Extract<TAnswer, { type: "sim" }>> {
  const session = await loadOwnedSession(user, sessionId);
  const commands = await storedCommands(session.id);
  const question = await simQuestionOf(session.options.questionVersionId);
  const { ends } = replay(question, session.seed, commands);
  const lines: string[] = [];
  commands.forEach((command, i) => {
    const gap = toVirtualMs(command.virtualAt) - (i === 0 ? 0 : ends[i - 1]);
    if (gap > 0) lines.push(`sleep ${sleepArg(gap)}`);
    lines.push(command.input);
  });
  return { type: "sim", commands: lines.length > 0 ? `${lines.join("\n")}\n` : "" };
}
