"use client";
// Ends the session (clears the next-auth cookie) and returns to the home page.
import { signOut } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";

export function SignOutButton() {
  const t = useT();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="secondary"
      size="sm"
      pending={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        router.replace("/");
        router.refresh();
      }}
    >
      {t("nav.signOut")}
    </Button>
  );
}
