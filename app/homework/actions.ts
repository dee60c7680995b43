"use server";
// Server actions of the homework pages: thin wrappers over lib/server/assignments, which re-checks
// that the attempt is the signed-in learner's and that the assignment still accepts work.
import { z } from "zod";
import { toRevealView } from "@/components/homework/reveal-view";
import type { TAnswerView } from "@/components/practice/types";
import { requireUser } from "@/lib/auth/guard";
import { AppError, type ActionResult } from "@/lib/errors";
import { ZAnswer, type TAnswer } from "@/lib/questions/schema";
import { runAction } from "@/lib/server/action";
import { submitAssignmentAnswer } from "@/lib/server/assignments";
import { terminalAnswer } from "@/lib/server/terminal";

const ZSubmit = z
  .object({
    attemptId: z.string().min(1).max(64),
    answer: ZAnswer,
    idempotencyKey: z.string().min(8).max(128),
    terminalSessionId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type TSubmitHomework = z.infer<typeof ZSubmit>;

// submitHomeworkAnswer — grade one answer of the learner's assignment attempt
export async function submitHomeworkAnswer(input: TSubmitHomework): Promise<ActionResult<{ view: TAnswerView; attemptStatus: string; late: boolean; penaltyPercent: number }>> {
  return runAction("homework.submit", async () => {
    const user = await requireUser();
    const parsed = ZSubmit.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    let answer: TAnswer = parsed.data.answer;
    if (answer.type === "sim" && parsed.data.terminalSessionId) {
      // The server's terminal log is the record of what ran, not the client's copy.
      const fromTerminal = await terminalAnswer(user, parsed.data.terminalSessionId);
      const commands = fromTerminal.commands?.trim() ? fromTerminal.commands : undefined;
      answer = { type: "sim", ...(answer.manifest ? { manifest: answer.manifest } : {}), ...(commands ? { commands } : {}) };
    }
    const submitted = await submitAssignmentAnswer(user, parsed.data.attemptId, answer, parsed.data.idempotencyKey);
    return {
      view: { answerId: submitted.answerId, submittedAt: new Date().toISOString(), answer, result: submitted.result, reveal: toRevealView(submitted.reveal) },
      attemptStatus: submitted.attemptStatus,
      late: submitted.late,
      penaltyPercent: submitted.penaltyPercent,
    };
  });
}
