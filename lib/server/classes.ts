// Classes: an instructor (or admin) creates one, learners join it with its code, the instructor
// manages the roster and archives it. Every call re-checks the signed-in user's relation to *this*
// class: its owner, a co-instructor (Enrollment role INSTRUCTOR) or an admin may manage it; an
// enrolled student may only see its name; anyone else gets NOT_FOUND, so class ids leak nothing.
import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/guard";
import { hasRole } from "@/lib/auth/roles";
import { db, isUniqueViolation } from "@/lib/db";
import { AppError } from "@/lib/errors";

/** No 0/O, 1/I/L: a code read aloud or copied from a projector is typed right the first time. */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE_LENGTH = 8;
const ZJoinCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`)));

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const ZCreateClass = z
  .object({
    name: z.string().trim().min(1).max(120),
    timeZone: z.string().trim().min(1).max(64).refine(isTimeZone),
  })
  .strict();
export type TCreateClass = z.infer<typeof ZCreateClass>;

export type TClassRole = "admin" | "owner" | "instructor" | "student";

export type TClassSummary = {
  id: string;
  name: string;
  timeZone: string;
  joinCode: string | null;
  joinPath: string | null;
  archived: boolean;
  role: TClassRole;
  students: number;
  assignments: number;
};

export type TRosterEntry = { userId: string; name: string; email: string; joinedAt: Date };

export type TClassAccess = { id: string; name: string; timeZone: string; archivedAt: Date | null; ownerId: string; role: TClassRole };

function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) code += JOIN_CODE_ALPHABET[randomInt(0, JOIN_CODE_ALPHABET.length)];
  return code;
}

function isId(value: unknown): value is string {
  return typeof value === "string" && value.length > 0 && value.length <= 64;
}

/** The user's relation to a class; NOT_FOUND when they have none (or it does not exist). */
export async function classAccess(user: CurrentUser, classId: unknown): Promise<TClassAccess> {
  if (!isId(classId)) throw new AppError("NOT_FOUND");
  const row = await db.class.findUnique({
    where: { id: classId },
    select: { id: true, name: true, timeZone: true, archivedAt: true, ownerId: true, enrollments: { where: { userId: user.id }, select: { role: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const enrolment = row.enrollments[0]?.role;
  const role: TClassRole | null =
    user.role === "ADMIN"
      ? "admin"
      : row.ownerId === user.id && hasRole(user.role, "INSTRUCTOR")
        ? "owner"
        : enrolment === "INSTRUCTOR" && hasRole(user.role, "INSTRUCTOR")
          ? "instructor"
          : enrolment === "STUDENT"
            ? "student"
            : null;
  if (!role) throw new AppError("NOT_FOUND");
  return { id: row.id, name: row.name, timeZone: row.timeZone, archivedAt: row.archivedAt, ownerId: row.ownerId, role };
}

/** Access for changing the class (roster, assignments, grades): owner, co-instructor or admin. */
export async function requireClassManager(user: CurrentUser, classId: unknown): Promise<TClassAccess> {
  const access = await classAccess(user, classId);
  // A student of the class learns it exists (they are in it) but may change nothing.
  if (access.role === "student") throw new AppError("FORBIDDEN");
  return access;
}

export async function createClass(user: CurrentUser, input: unknown): Promise<TClassSummary> {
  if (!hasRole(user.role, "INSTRUCTOR")) throw new AppError("FORBIDDEN");
  const parsed = ZCreateClass.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION");
  // 31^8 ≈ 8.5e11 codes: a collision is rare, and the unique index makes a retry safe.
  for (let tries = 0; tries < 5; tries += 1) {
    try {
      const row = await db.class.create({ data: { ownerId: user.id, name: parsed.data.name, timeZone: parsed.data.timeZone, joinCode: newJoinCode() }, select: { id: true } });
      return getClass(user, row.id);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("CONFLICT");
}

async function summaries(user: CurrentUser, ids: string[] | null): Promise<TClassSummary[]> {
  const rows = await db.class.findMany({
    where: ids ? { id: { in: ids } } : {},
    select: {
      id: true,
      name: true,
      timeZone: true,
      joinCode: true,
      archivedAt: true,
      ownerId: true,
      enrollments: { select: { userId: true, role: true } },
      _count: { select: { assignments: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const out: TClassSummary[] = [];
  for (const row of rows) {
    const mine = row.enrollments.find((e) => e.userId === user.id)?.role;
    const role: TClassRole | null =
      user.role === "ADMIN" ? "admin" : row.ownerId === user.id && hasRole(user.role, "INSTRUCTOR") ? "owner" : mine === "INSTRUCTOR" && hasRole(user.role, "INSTRUCTOR") ? "instructor" : mine === "STUDENT" ? "student" : null;
    if (!role) continue;
    const manager = role !== "student";
    out.push({
      id: row.id,
      name: row.name,
      timeZone: row.timeZone,
      joinCode: manager ? row.joinCode : null,
      joinPath: manager ? `/join/${row.joinCode}` : null,
      archived: row.archivedAt !== null,
      role,
      // Students never learn who else is enrolled, not even how many.
      students: manager ? row.enrollments.filter((e) => e.role === "STUDENT").length : 0,
      assignments: row._count.assignments,
    });
  }
  return out;
}

/** Classes the user teaches (all of them for an admin) or is enrolled in. */
export async function listClasses(user: CurrentUser): Promise<TClassSummary[]> {
  if (user.role === "ADMIN") return summaries(user, null);
  const [owned, enrolled] = await Promise.all([
    db.class.findMany({ where: { ownerId: user.id }, select: { id: true } }),
    db.enrollment.findMany({ where: { userId: user.id }, select: { classId: true } }),
  ]);
  return summaries(user, [...owned.map((r) => r.id), ...enrolled.map((r) => r.classId)]);
}

export async function getClass(user: CurrentUser, classId: unknown): Promise<TClassSummary> {
  const access = await classAccess(user, classId);
  const [summary] = await summaries(user, [access.id]);
  if (!summary) throw new AppError("NOT_FOUND");
  return summary;
}

/** Joins the class with that code as a student; joining again is a no-op that returns the class. */
export async function joinClass(user: CurrentUser, code: unknown): Promise<{ classId: string; name: string; alreadyMember: boolean }> {
  const parsed = ZJoinCode.safeParse(code);
  if (!parsed.success) throw new AppError("NOT_FOUND");
  const row = await db.class.findUnique({ where: { joinCode: parsed.data }, select: { id: true, name: true, archivedAt: true, ownerId: true } });
  if (!row) throw new AppError("NOT_FOUND");
  const existing = await db.enrollment.findUnique({ where: { classId_userId: { classId: row.id, userId: user.id } }, select: { id: true } });
  if (existing || row.ownerId === user.id) return { classId: row.id, name: row.name, alreadyMember: true };
  if (row.archivedAt) throw new AppError("CONFLICT");
  try {
    await db.enrollment.create({ data: { classId: row.id, userId: user.id, role: "STUDENT" } });
  } catch (error) {
    // Two tabs joining at once: the other one enrolled us.
    if (!isUniqueViolation(error)) throw error;
    return { classId: row.id, name: row.name, alreadyMember: true };
  }
  return { classId: row.id, name: row.name, alreadyMember: false };
}

export async function listRoster(user: CurrentUser, classId: unknown): Promise<TRosterEntry[]> {
  const access = await requireClassManager(user, classId);
  const rows = await db.enrollment.findMany({
    where: { classId: access.id, role: "STUDENT" },
    select: { userId: true, createdAt: true, user: { select: { name: true, email: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return rows.map((r) => ({ userId: r.userId, name: r.user.name, email: r.user.email, joinedAt: r.createdAt }));
}

/** Removes a student from the class; their attempts and submissions stay (the gradebook hides them). */
export async function removeStudent(user: CurrentUser, classId: unknown, studentId: unknown): Promise<void> {
  const access = await requireClassManager(user, classId);
  if (!isId(studentId)) throw new AppError("NOT_FOUND");
  const removed = await db.enrollment.deleteMany({ where: { classId: access.id, userId: studentId, role: "STUDENT" } });
  if (removed.count === 0) throw new AppError("NOT_FOUND");
}

export async function archiveClass(user: CurrentUser, classId: unknown, now: Date = new Date()): Promise<void> {
  const access = await requireClassManager(user, classId);
  await db.class.updateMany({ where: { id: access.id, archivedAt: null }, data: { archivedAt: now } });
}

/** The ids of the classes' students (for the gradebook and item analysis). */
export async function studentIdsOf(classId: string): Promise<string[]> {
  const rows = await db.enrollment.findMany({ where: { classId, role: "STUDENT" }, select: { userId: true } });
  return rows.map((r) => r.userId);
}
