// Access check for /exams, before loading.tsx streams (see app/dashboard/layout.tsx).
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/guard";

export default async function ExamsLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/exams");
  return children;
}
