// Fixed-window rate limiting stored in RateLimitBucket, so every app instance sees the same counts.
// A bucket counts hits from windowStart; the hit that reaches the limit blocks the key until the window
// ends (10 failures within 15 min starting 12:00 → blocked until 12:15).
import "server-only";
import { db } from "@/lib/db";

export type RateLimitRule = { limit: number; windowMs: number };

const MINUTE = 60_000;
export const SIGN_IN_PER_ACCOUNT: RateLimitRule = { limit: 10, windowMs: 15 * MINUTE };
export const SIGN_IN_PER_IP: RateLimitRule = { limit: 30, windowMs: 15 * MINUTE };
export const REGISTER_PER_IP: RateLimitRule = { limit: 20, windowMs: 60 * MINUTE };

// Milliseconds until `key` may be used again, or null when it is not blocked.
export async function blockedFor(key: string, now: Date = new Date()): Promise<number | null> {
  const bucket = await db.rateLimitBucket.findUnique({ where: { key } });
  if (!bucket?.blockedUntil) return null;
  const remaining = bucket.blockedUntil.getTime() - now.getTime();
  return remaining > 0 ? remaining : null;
}

// Counts one hit. The increment is a single atomic upsert, so concurrent hits on several instances
// are all counted; restarting a stale window is a compare-and-set on windowStart.
export async function recordHit(key: string, rule: RateLimitRule, now: Date = new Date()): Promise<{ count: number; blockedForMs: number | null }> {
  const bucket = await db.rateLimitBucket.upsert({
    where: { key },
    create: { key, count: 1, windowStart: now },
    update: { count: { increment: 1 } },
  });
  let { count, windowStart } = bucket;
  if (now.getTime() - windowStart.getTime() >= rule.windowMs) {
    await db.rateLimitBucket.updateMany({
      where: { key, windowStart },
      data: { count: 1, windowStart: now, blockedUntil: null },
    });
    count = 1;
    windowStart = now;
  }
  if (count >= rule.limit) {
    const blockedUntil = new Date(windowStart.getTime() + rule.windowMs);
    await db.rateLimitBucket.update({ where: { key }, data: { blockedUntil } });
    return { count, blockedForMs: blockedUntil.getTime() - now.getTime() };
  }
  return { count, blockedForMs: null };
}

export async function clearHits(key: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key } });
}

export function minutesUntil(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE));
}
