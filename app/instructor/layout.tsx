// Access check for /instructor (INSTRUCTOR or ADMIN), before loading.tsx streams, so a student gets
// a real 403 response (see app/dashboard/layout.tsx).
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/guard";

export default async function InstructorLayout({ children }: { children: ReactNode }) {
  await requirePageRole("INSTRUCTOR", "/instructor");
  return children;
}
