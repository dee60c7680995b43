// Account creation: validates the form once with zod, applies the password policy and the per-IP
// registration limit, and creates a STUDENT account with an argon2id hash.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import { normaliseEmail } from "@/lib/auth/credentials";
import { hashPassword } from "@/lib/auth/password";
import { checkPassword } from "@/lib/auth/password-policy";
import { blockedFor, minutesUntil, recordHit, REGISTER_PER_IP } from "@/lib/auth/rate-limit";
import type { MessageKey } from "@/lib/i18n";
import { recordAudit } from "./audit";

export const ZRegister = z.object({
  email: z
    .string()
    .trim()
    .max(254, { message: "validation.emailInvalid" })
    .pipe(z.email({ message: "validation.emailInvalid" })),
  name: z.string().trim().min(1, { message: "validation.nameRequired" }).max(80, { message: "validation.nameTooLong" }),
  password: z.string().min(1, { message: "validation.passwordRequired" }),
});
export type TRegister = z.infer<typeof ZRegister>;

export type RegisteredAccount = { id: string; email: string };

export async function registerAccount(input: unknown, ip: string, now: Date = new Date()): Promise<RegisteredAccount> {
  const parsed = ZRegister.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message as MessageKey;
    }
    throw new AppError("VALIDATION", { messageKey: "auth.formErrors", fieldErrors });
  }
  const email = normaliseEmail(parsed.data.email);
  const problem = checkPassword(parsed.data.password, email);
  if (problem) throw new AppError("VALIDATION", { messageKey: "auth.formErrors", fieldErrors: { password: problem } });

  const ipKey = `register:ip:${ip}`;
  const wait = await blockedFor(ipKey, now);
  if (wait !== null) throw new AppError("RATE_LIMITED", { params: { minutes: minutesUntil(wait) } });
  await recordHit(ipKey, REGISTER_PER_IP, now);

  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", { messageKey: "auth.emailTaken", fieldErrors: { email: "auth.emailTaken" } });

  const passwordHash = await hashPassword(parsed.data.password);
  try {
    const user = await db.user.create({
      data: { email, name: parsed.data.name, passwordHash, role: "STUDENT" },
      select: { id: true, email: true },
    });
    await recordAudit({ actorId: user.id, action: "user.register", targetType: "User", targetId: user.id, ip });
    return user;
  } catch (error) {
    // Two registrations for one email racing past the check above: the unique index decides.
    if (typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002") {
      throw new AppError("CONFLICT", { messageKey: "auth.emailTaken", fieldErrors: { email: "auth.emailTaken" } });
    }
    throw error;
  }
}
