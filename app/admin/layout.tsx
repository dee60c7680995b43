// Access check for everything under /admin (ADMIN only), before any loading.tsx streams, so other
// roles get a real 403 response (see app/dashboard/layout.tsx).
import type { ReactNode } from "react";
import { requirePageRole } from "@/lib/auth/guard";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageRole("ADMIN", "/admin/users");
  return children;
}
