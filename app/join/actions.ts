"use server";
// joinClassAction — enrol the signed-in learner in the class with this join code
import { redirect } from "next/navigation";
import type { TFormState } from "@/components/instructor/form-state";
import { requireUser } from "@/lib/auth/guard";
import { runAction } from "@/lib/server/action";
import { joinClass } from "@/lib/server/classes";

export async function joinClassAction(_state: TFormState, data: FormData): Promise<TFormState> {
  const result = await runAction("classes.join", async () => joinClass(await requireUser(), data.get("code")));
  if (!result.ok) return { status: "error", message: result.message };
  redirect("/homework");
}
