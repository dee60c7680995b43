// Item analysis of one assignment for its class's managers: each question's statistics from the
// learners' first graded attempt at it (lib/progress/item-stats does the arithmetic).
import "server-only";
import type { CurrentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { itemStats, type TItemResponse, type TItemStats } from "@/lib/progress/item-stats";
import { ZAnswer, type TQuestion } from "@/lib/questions";
import { loadManagedAssignment } from "./assignments";
import type { TGradeResult } from "./grading";
import { loadVersionContent } from "./question-bank";

export type TItemAnalysis = {
  assignmentId: string;
  title: string;
  learners: number;
  items: (TItemStats & { type: string })[];
};

function correctChoices(q: TQuestion | null): string[] {
  if (!q) return [];
  if (q.type === "single-choice") return [q.answer];
  if (q.type === "multiple-choice") return [...q.answer];
  return [];
}

export async function getItemAnalysis(user: CurrentUser, assignmentId: unknown): Promise<TItemAnalysis> {
  const { row } = await loadManagedAssignment(user, assignmentId);
  const subs = await db.submission.findMany({
    where: { assignmentId: row.id },
    select: {
      userId: true,
      submittedAt: true,
      attempt: {
        select: {
          questionId: true,
          startedAt: true,
          score: true,
          maxScore: true,
          answers: { where: { valid: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1, select: { payload: true, result: true, questionVersionId: true } },
        },
      },
    },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const seen = new Set<string>();
  const responses: TItemResponse[] = [];
  const versions = new Map<string, string>();
  for (const s of subs) {
    const questionId = s.attempt.questionId;
    if (!questionId || seen.has(`${s.userId}:${questionId}`)) continue;
    seen.add(`${s.userId}:${questionId}`);
    const answer = s.attempt.answers[0];
    const parsed = answer ? ZAnswer.safeParse(answer.payload) : null;
    const result = (answer?.result ?? null) as TGradeResult | null;
    if (answer) versions.set(questionId, answer.questionVersionId);
    const payload = parsed?.success ? parsed.data : null;
    responses.push({
      userId: s.userId,
      questionId,
      // The raw grade: item statistics measure the question, not the late penalty or an override.
      fraction: s.attempt.maxScore ? (s.attempt.score ?? 0) / s.attempt.maxScore : 0,
      ...(payload?.type === "single-choice" ? { chosen: [payload.choice] } : payload?.type === "multiple-choice" ? { chosen: payload.choices } : {}),
      ...(result?.status === "graded" && payload?.type === "sim" ? { checks: result.checks.map((c) => ({ id: c.id, passed: c.passed })) } : {}),
      timeMs: Math.max(0, s.submittedAt.getTime() - s.attempt.startedAt.getTime()),
    });
  }
  const questionIds = [...new Set([...(Array.isArray(row.questionIds) ? row.questionIds.filter((x): x is string => typeof x === "string") : []), ...responses.map((r) => r.questionId)])];
  const items = await Promise.all(
    questionIds.map(async (id) => {
      const versionId = versions.get(id) ?? (await db.question.findUnique({ where: { id }, select: { currentVersionId: true } }))?.currentVersionId ?? null;
      const content = versionId ? await loadVersionContent(versionId) : null;
      return { ...itemStats(id, responses, { correctChoices: correctChoices(content) }), type: content?.type ?? "" };
    }),
  );
  return { assignmentId: row.id, title: row.title, learners: new Set(responses.map((r) => r.userId)).size, items };
}
