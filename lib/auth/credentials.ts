// verifySignIn — checks an email + password for the credentials provider, with per-account and
// per-IP rate limits. Every failure looks the same to the caller ("email or password is wrong"),
// and an unknown email costs as much time as a wrong password, so neither reveals which accounts exist.
import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { hashPassword, verifyPassword } from "./password";
import { blockedFor, clearHits, minutesUntil, recordHit, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_IP } from "./rate-limit";
import { parseRole, type Role } from "./roles";
import { recordAudit } from "@/lib/server/audit";

export type SignedInUser = { id: string; email: string; name: string; role: Role; locale: string | null };

let dummyHash: Promise<string> | undefined;
// Verified against when the email is unknown, so that path runs one full argon2 verification too.
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("kubedrill-timing-equaliser");
  return dummyHash;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function verifySignIn(input: { email: string; password: string; ip: string }, now: Date = new Date()): Promise<SignedInUser> {
  const email = normaliseEmail(input.email);
  const accountKey = `signin:email:${email}`;
  const ipKey = `signin:ip:${input.ip}`;

  const waits = await Promise.all([blockedFor(accountKey, now), blockedFor(ipKey, now)]);
  const wait = Math.max(waits[0] ?? 0, waits[1] ?? 0);
  if (wait > 0) {
    throw new AppError("RATE_LIMITED", { messageKey: "auth.rateLimited", params: { minutes: minutesUntil(wait) } });
  }

  const user = email && input.password ? await db.user.findUnique({ where: { email } }) : null;
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await getDummyHash(), input.password || "-")) && false;

  if (!user || !valid) {
    const [account, ip] = await Promise.all([recordHit(accountKey, SIGN_IN_PER_ACCOUNT, now), recordHit(ipKey, SIGN_IN_PER_IP, now)]);
    log.info("sign-in failed", { ip: input.ip, accountFailures: account.count, ipFailures: ip.count });
    if (account.blockedForMs !== null || ip.blockedForMs !== null) {
      const blocked = Math.max(account.blockedForMs ?? 0, ip.blockedForMs ?? 0);
      if (user) {
        await recordAudit({ actorId: null, action: "user.login.blocked", targetType: "User", targetId: user.id, ip: input.ip });
      }
      throw new AppError("RATE_LIMITED", { messageKey: "auth.rateLimited", params: { minutes: minutesUntil(blocked) } });
    }
    throw new AppError("UNAUTHENTICATED", { messageKey: "auth.invalidCredentials" });
  }

  await clearHits(accountKey);
  await recordAudit({ actorId: user.id, action: "user.login", targetType: "User", targetId: user.id, ip: input.ip });
  return { id: user.id, email: user.email, name: user.name, role: parseRole(user.role), locale: user.locale };
}
