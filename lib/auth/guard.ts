// The one authorisation guard for every server entry point. It trusts the session only for *who* the
// user is and re-reads the account from the database on every request, so a granted or revoked role
// (or a deleted account) takes effect immediately, whatever the JWT still says.
import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n";
import { getAuthOptions } from "./options";
import { hasRole, parseRole, type Role } from "./roles";

export type { Role };

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale | null;
  timeMultiplier: number;
  createdAt: Date;
};

async function loadUser(id: string): Promise<CurrentUser | null> {
  const row = await db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, timeMultiplier: true, createdAt: true },
  });
  if (!row) return null;
  return { ...row, role: parseRole(row.role), locale: isLocale(row.locale) ? row.locale : null };
}

// The signed-in user, or null. Cached per request, so layout, page and header share one query.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  const id = session?.user?.id;
  return id ? loadUser(id) : null;
});

// For server actions, route handlers and the data layer: throws AppError UNAUTHENTICATED / FORBIDDEN.
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user.role, role)) throw new AppError("FORBIDDEN");
  return user;
}

// Only same-origin paths are accepted as a post-sign-in destination ("//evil.example" is not one).
export function safeCallbackPath(value: unknown, fallback = "/dashboard"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

// For pages: a visitor is sent to sign in (and back here afterwards); a signed-in user without the
// role gets the 403 page (app/forbidden.tsx) with a 403 status.
export async function requirePageUser(path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(safeCallbackPath(path))}`);
  return user;
}

export async function requirePageRole(role: Role, path: string): Promise<CurrentUser> {
  const user = await requirePageUser(path);
  if (!hasRole(user.role, role)) forbidden();
  return user;
}
