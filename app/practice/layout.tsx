// Access check for /practice, before loading.tsx streams (see app/dashboard/layout.tsx).
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/guard";

export default async function PracticeLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/practice");
  return children;
}
