// Access check for /dashboard, in the layout so it runs before loading.tsx starts streaming
// (a visitor gets a real redirect). The page checks again: layouts are skipped on client navigation.
import type { ReactNode } from "react";
import { requirePageUser } from "@/lib/auth/guard";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requirePageUser("/dashboard");
  return children;
}
