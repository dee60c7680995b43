// User administration and the signed-in user's own preferences. Each function takes the acting user
// (from lib/auth/guard) and re-checks that this actor may touch this record; results are small DTOs.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hasRole, parseRole, type Role } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n";
import { recordAudit } from "./audit";

export type UserSummary = { id: string; email: string; name: string; role: Role; createdAt: Date };

const LIST_LIMIT = 200;

export async function listUsers(actor: CurrentUser, query = ""): Promise<{ users: UserSummary[]; total: number }> {
  if (!hasRole(actor.role, "ADMIN")) throw new AppError("FORBIDDEN");
  const needle = query.trim().slice(0, 100);
  const where = needle
    ? { OR: [{ email: { contains: needle.toLowerCase() } }, { name: { contains: needle } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: LIST_LIMIT,
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    }),
    db.user.count({ where }),
  ]);
  return { users: rows.map((row) => ({ ...row, role: parseRole(row.role) })), total };
}

// Grants (STUDENT → INSTRUCTOR) or revokes (INSTRUCTOR → STUDENT) the instructor role. ADMIN accounts
// are never changed here, so an administrator cannot demote themselves or another administrator.
export async function setInstructorRole(
  actor: CurrentUser,
  targetId: string,
  grant: boolean,
  ip: string | null,
): Promise<{ user: UserSummary; changed: boolean }> {
  if (!hasRole(actor.role, "ADMIN")) throw new AppError("FORBIDDEN");
  return db.$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: targetId },
      select: { id: true, email: true, name: true, role: true, createdAt: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    const from = parseRole(target.role);
    if (from === "ADMIN") throw new AppError("CONFLICT");
    const to: Role = grant ? "INSTRUCTOR" : "STUDENT";
    if (from === to) return { user: { ...target, role: from }, changed: false };
    await tx.user.update({ where: { id: target.id }, data: { role: to } });
    await recordAudit(
      { actorId: actor.id, action: "user.role.change", targetType: "User", targetId: target.id, detail: { from, to }, ip },
      tx,
    );
    return { user: { ...target, role: to }, changed: true };
  });
}

// null clears the preference: the cookie or the browser decides again.
export async function saveOwnLocale(actor: CurrentUser, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id: actor.id }, data: { locale } });
}
