"use server";
// Server actions of the exam pages: thin wrappers that validate input with zod and call
// lib/server/exams, which re-checks that the session belongs to the signed-in user and enforces the
// server-side deadline. Expected failures come back as { ok: false, code, message }.
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/guard";
import { AppError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/server/action";
import { revealTrainingTask, saveExamState, saveTaskDraft, startExam, submitExam } from "@/lib/server/exams";
import type { TReveal } from "@/lib/server/practice";

const ZSessionId = z.string().min(1).max(64);

// startExamAction — start (or resume) a session of an exam template, then open it
export async function startExamAction(slug: string): Promise<ActionResult> {
  let sessionId: string | undefined;
  const result = await runAction("exam.start", async () => {
    const user = await requireUser();
    const parsed = z.string().min(1).max(100).regex(/^[a-z0-9-]+$/).safeParse(slug);
    if (!parsed.success) throw new AppError("VALIDATION");
    sessionId = (await startExam(user, parsed.data)).sessionId;
    return {};
  });
  if (result.ok && sessionId) redirect(`/exams/${sessionId}`);
  return result;
}

const ZSaveDraft = z
  .object({
    sessionId: ZSessionId,
    taskIndex: z.number().int().min(0).max(100),
    draft: z.unknown().optional(),
    flagged: z.boolean().optional(),
  })
  .strict();

// saveExamDraftAction — autosave one task's answer in progress and/or its review flag
export async function saveExamDraftAction(input: z.infer<typeof ZSaveDraft>): Promise<ActionResult<{ savedAt: string }>> {
  return runAction("exam.saveDraft", async () => {
    const user = await requireUser();
    const parsed = ZSaveDraft.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    return saveTaskDraft(user, parsed.data.sessionId, parsed.data.taskIndex, { draft: parsed.data.draft, flagged: parsed.data.flagged });
  });
}

const ZSaveState = z
  .object({ sessionId: ZSessionId, notes: z.string().max(20_000).optional(), currentTaskIndex: z.number().int().min(0).max(100).optional() })
  .strict();

// saveExamStateAction — autosave the notepad and the task the learner is on
export async function saveExamStateAction(input: z.infer<typeof ZSaveState>): Promise<ActionResult<{ savedAt: string }>> {
  return runAction("exam.saveState", async () => {
    const user = await requireUser();
    const parsed = ZSaveState.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    const { sessionId, ...state } = parsed.data;
    return saveExamState(user, sessionId, state);
  });
}

// submitExamAction — end the exam now; what was saved is graded
export async function submitExamAction(sessionId: string): Promise<ActionResult<{ status: string }>> {
  return runAction("exam.submit", async () => {
    const user = await requireUser();
    const parsed = ZSessionId.safeParse(sessionId);
    if (!parsed.success) throw new AppError("VALIDATION");
    return submitExam(user, parsed.data);
  });
}

// revealTrainingTaskAction — training mode: a task's explanation and solution while the session is open
export async function revealTrainingTaskAction(sessionId: string, taskIndex: number): Promise<ActionResult<{ reveal: TReveal }>> {
  return runAction("exam.reveal", async () => {
    const user = await requireUser();
    const parsed = z.object({ sessionId: ZSessionId, taskIndex: z.number().int().min(0).max(100) }).safeParse({ sessionId, taskIndex });
    if (!parsed.success) throw new AppError("VALIDATION");
    return { reveal: await revealTrainingTask(user, parsed.data.sessionId, parsed.data.taskIndex) };
  });
}
