"use server";
// Server actions of the instructor pages: each parses its form, calls the data layer (which
// re-checks that the signed-in user manages this class) and returns a TFormState for ActionForm.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { TFormState } from "@/components/instructor/form-state";
import { requireUser } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { getT } from "@/lib/i18n/server";
import { runAction } from "@/lib/server/action";
import { createAssignment, setExtension } from "@/lib/server/assignments";
import { archiveClass, createClass, removeStudent } from "@/lib/server/classes";
import { overrideSubmission, regradeAssignment } from "@/lib/server/gradebook";

async function toState(name: string, body: () => Promise<{ message?: string; lines?: string[] }>): Promise<TFormState> {
  const result = await runAction(name, body);
  if (!result.ok) {
    const fields = result.fieldErrors ? Object.values(result.fieldErrors) : [];
    return { status: "error", message: fields.length > 0 ? `${result.message} ${fields.join(" ")}` : result.message };
  }
  return { status: "ok", ...(result.message ? { message: result.message } : {}), ...(result.lines ? { lines: result.lines } : {}) };
}

const text = (data: FormData, name: string) => {
  const value = data.get(name);
  return typeof value === "string" ? value.trim() : "";
};
const optionalNumber = (data: FormData, name: string) => (text(data, name) === "" ? null : Number(text(data, name)));
const list = (data: FormData, name: string) => data.getAll(name).filter((v): v is string => typeof v === "string" && v !== "");

// createClassAction — create a class owned by the signed-in instructor
export async function createClassAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("classes.create", async () => {
    const user = await requireUser();
    const created = await createClass(user, { name: text(data, "name"), timeZone: text(data, "timeZone") });
    revalidatePath("/instructor");
    return { message: (await getT())("classes.created", { code: created.joinCode ?? "" }) };
  });
}

// removeStudentAction — take a student off the class roster
export async function removeStudentAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("classes.remove", async () => {
    const user = await requireUser();
    await removeStudent(user, text(data, "classId"), text(data, "userId"));
    revalidatePath(`/instructor/classes/${text(data, "classId")}`);
    return {};
  });
}

// archiveClassAction — archive a class (no more joins or assignments)
export async function archiveClassAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("classes.archive", async () => {
    const user = await requireUser();
    await archiveClass(user, text(data, "classId"));
    revalidatePath(`/instructor/classes/${text(data, "classId")}`);
    return {};
  });
}

// createAssignmentAction — set homework for a class from the assignment form
export async function createAssignmentAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("assignments.create", async () => {
    const user = await requireUser();
    const classId = text(data, "classId");
    const questionIds = text(data, "questionIds")
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const count = optionalNumber(data, "ruleCount");
    const rule =
      count !== null && count > 0
        ? { topics: list(data, "ruleTopics"), types: list(data, "ruleTypes"), difficulty: list(data, "ruleDifficulty"), objectives: text(data, "ruleObjectives").split(/[\s,]+/).filter(Boolean), count }
        : null;
    const lateKind = text(data, "lateKind");
    await createAssignment(user, classId, {
      title: text(data, "title"),
      ...(text(data, "description") ? { description: text(data, "description") } : {}),
      questionIds,
      rule,
      opensAt: text(data, "opensAt"),
      dueAt: text(data, "dueAt"),
      attemptsAllowed: optionalNumber(data, "attemptsAllowed"),
      timeLimitMin: optionalNumber(data, "timeLimitMin"),
      latePolicy: lateKind === "penalty" ? { kind: "penalty", percentPerDay: Number(text(data, "percentPerDay")), maxDays: Number(text(data, "maxDays")) } : { kind: "none" },
      solutionsReleaseAt: text(data, "solutionsReleaseAt") || null,
    });
    revalidatePath(`/instructor/classes/${classId}`);
    return { message: (await getT())("assignments.created") };
  });
}

// setExtensionAction — grant a learner more time on one assignment
export async function setExtensionAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("assignments.extension", async () => {
    const user = await requireUser();
    await setExtension(user, text(data, "assignmentId"), text(data, "userId"), {
      dueAt: text(data, "dueAt") || null,
      timeMultiplier: optionalNumber(data, "timeMultiplier"),
      reason: text(data, "reason"),
    });
    revalidatePath(`/instructor/classes/${text(data, "classId")}`);
    return { message: (await getT())("assignments.extensionSaved") };
  });
}

const ZOverrideForm = z.object({ submissionId: z.string().min(1).max(64), score: z.string(), reason: z.string() });

// overrideAction — set the manual grade of one submission, with the reason
export async function overrideAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("gradebook.override", async () => {
    const user = await requireUser();
    const parsed = ZOverrideForm.safeParse({ submissionId: text(data, "submissionId"), score: text(data, "score"), reason: text(data, "reason") });
    if (!parsed.success) throw new AppError("VALIDATION");
    const score = parsed.data.score === "" ? null : Number(parsed.data.score);
    if (score !== null && !Number.isFinite(score)) throw new AppError("VALIDATION", { fieldErrors: { score: "gradebook.error.score" } });
    await overrideSubmission(user, parsed.data.submissionId, { score, reason: parsed.data.reason });
    revalidatePath(`/instructor/classes/${text(data, "classId")}/gradebook`);
    return { message: (await getT())("gradebook.overridden") };
  });
}

// regradeAction — grade an assignment's stored answers again and report each changed score
export async function regradeAction(_state: TFormState, data: FormData): Promise<TFormState> {
  return toState("gradebook.regrade", async () => {
    const user = await requireUser();
    const t = await getT();
    const report = await regradeAssignment(user, text(data, "assignmentId"));
    revalidatePath(`/instructor/classes/${text(data, "classId")}/gradebook`);
    return {
      message: t("gradebook.regraded", { regraded: report.regraded, changed: report.changed.length, failed: report.failed.length }),
      lines: report.changed.map((c) => `${c.name} · ${c.questionId}: ${c.before.score ?? "–"}/${c.before.maxScore ?? "–"} → ${c.after.score}/${c.after.maxScore}`),
    };
  });
}
