"use server";
// changeInstructorRole — grant or revoke a user's INSTRUCTOR role (ADMIN only); audited.
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { clientIp } from "@/lib/auth/client-ip";
import { requireRole } from "@/lib/auth/guard";
import { AppError, type ActionResult } from "@/lib/errors";
import { runAction } from "@/lib/server/action";
import { setInstructorRole } from "@/lib/server/users";

const ZChangeInstructorRole = z.object({ userId: z.string().min(1).max(64), grant: z.boolean() }).strict();

export async function changeInstructorRole(input: unknown): Promise<ActionResult<{ role: string; changed: boolean }>> {
  return runAction("changeInstructorRole", async () => {
    const actor = await requireRole("ADMIN");
    const parsed = ZChangeInstructorRole.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION");
    const { user, changed } = await setInstructorRole(actor, parsed.data.userId, parsed.data.grant, clientIp(await headers()));
    revalidatePath("/admin/users");
    return { role: user.role, changed };
  });
}
