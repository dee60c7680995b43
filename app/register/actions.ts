"use server";
// registerAction — create a STUDENT account from the registration form (the form then signs in).
// No guard: creating an account is what a visitor does; the per-IP limit lives in registerAccount.
import { headers } from "next/headers";
import { clientIp } from "@/lib/auth/client-ip";
import type { ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/server/action";
import { registerAccount } from "@/lib/server/accounts";

export async function registerAction(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction("register", async () => {
    const account = await registerAccount(input, clientIp(await headers()));
    return { email: account.email };
  });
}
