// Password hashing for accounts: argon2id with OWASP's recommended minimum parameters
// (19 MiB memory, 2 iterations, 1 lane), via @node-rs/argon2 (prebuilt, no install script).
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id is a const enum in @node-rs/argon2's typings; isolatedModules forbids
// importing const enums, so the numeric value is spelled out (Argon2d = 0, Argon2i = 1, Argon2id = 2).
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

export async function verifyPassword(passwordHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(passwordHash, plain);
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the sign-in route.
    return false;
  }
}
