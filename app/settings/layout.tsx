// Access check for /settings, before loading.tsx streams (see app/dashboard/layout.tsx).
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/guard";

export default async function SettingsLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/settings");
  return children;
}
