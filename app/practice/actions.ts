"use server";
// Server actions of the practice pages: thin wrappers that validate input with zod, call
// lib/server/practice (which re-checks the attempt belongs to the signed-in user) and shape the
// result for the result view. Expected failures come back as { ok: false, code, message }.
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/server/action";
import { getAttemptResult, precheckAnswer, submitAnswer } from "@/lib/server/practice";
import { terminalAnswer } from "@/lib/server/terminal";
import { ZAnswer, type TAnswer } from "@/lib/questions/schema";
import type { TAnswerView, TPrecheckView } from "@/components/practice/types";
import { toRevealView } from "@/components/practice/reveal-view";

const ZAttemptId = z.string().min(1).max(64);
const ZSubmit = z
  .object({
    attemptId: ZAttemptId,
    answer: ZAnswer,
    idempotencyKey: z.string().min(8).max(128),
    /** The attempt's terminal session, when its commands are part of the answer. */
    terminalSessionId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TSubmitPractice = z.infer<typeof ZSubmit>;


/**
 * The answer as graded: a terminal session's log replaces the client's copy of the commands (the
 * server's log, with the virtual time between commands as `sleep`, is the record of what ran).
 */
async function withTerminalCommands(answer: TAnswer, terminalSessionId: string | undefined): Promise<TAnswer> {
  if (answer.type !== "sim" || !terminalSessionId) return answer;
  const fromTerminal = await terminalAnswer(await requireUser(), terminalSessionId);
  const commands = fromTerminal.commands?.trim() ? fromTerminal.commands : undefined;
  return { type: "sim", ...(answer.manifest ? { manifest: answer.manifest } : {}), ...(commands ? { commands } : {}) };
}

// submitPracticeAnswer — grade one answer of the signed-in learner's practice attempt
export async function submitPracticeAnswer(input: TSubmitPractice): Promise<ActionResult<{ view: TAnswerView; attemptStatus: string }>> {
  return runAction("practice.submit", async () => {
    const user = await requireUser();
    const parsed = ZSubmit.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    const { attemptId, idempotencyKey, terminalSessionId } = parsed.data;
    const answer = await withTerminalCommands(parsed.data.answer, terminalSessionId);
    const submitted = await submitAnswer(user, attemptId, answer, idempotencyKey);
    return {
      view: {
        answerId: submitted.answerId,
        submittedAt: new Date().toISOString(),
        answer,
        result: submitted.result,
        reveal: toRevealView(submitted.reveal),
      },
      attemptStatus: submitted.attemptStatus,
    };
  });
}

// precheckPracticeAnswer — validate and dry-run a manifest against the task, without grading it
export async function precheckPracticeAnswer(attemptId: string, answer: TAnswer): Promise<ActionResult<{ precheck: TPrecheckView }>> {
  return runAction("practice.precheck", async () => {
    const user = await requireUser();
    const id = ZAttemptId.safeParse(attemptId);
    const parsedAnswer = ZAnswer.safeParse(answer);
    if (!id.success || !parsedAnswer.success) throw new AppError("VALIDATION");
    return { precheck: await precheckAnswer(user, id.data, parsedAnswer.data) };
  });
}

// loadAttemptView — the graded answer of one of the learner's earlier attempts, for the history list
export async function loadAttemptView(attemptId: string): Promise<ActionResult<{ view: TAnswerView | null }>> {
  return runAction("practice.attempt", async () => {
    const user = await requireUser();
    const id = ZAttemptId.safeParse(attemptId);
    if (!id.success) throw new AppError("VALIDATION");
    const attempt = await getAttemptResult(user, id.data);
    const latest = attempt.latest;
    if (!latest || !latest.result) return { view: null };
    return {
      view: {
        answerId: latest.answerId,
        submittedAt: (attempt.submittedAt ?? latest.createdAt).toISOString(),
        answer: latest.answer,
        result: latest.result,
        reveal: toRevealView(attempt.reveal),
      },
    };
  });
}
