"use client";
// Grant / revoke button for one user row, with a confirmation dialog and a toast for the outcome.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useT } from "@/lib/i18n/client";
import { changeInstructorRole } from "./actions";

export function RoleButton({ userId, name, email, isInstructor }: { userId: string; name: string; email: string; isInstructor: boolean }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const grant = !isInstructor;

  function confirm() {
    startTransition(async () => {
      const result = await changeInstructorRole({ userId, grant });
      setOpen(false);
      if (!result.ok) {
        toast.show({ tone: "error", message: result.message });
        return;
      }
      toast.show({ tone: "success", message: t(grant ? "admin.users.granted" : "admin.users.revoked", { name }) });
      router.refresh();
    });
  }

  const label = t(grant ? "admin.users.grant" : "admin.users.revoke");
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`${label}: ${email}`}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t(grant ? "admin.users.grantTitle" : "admin.users.revokeTitle", { name })}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              {t("common.cancel")}
            </Button>
            <Button variant={grant ? "primary" : "danger"} onClick={confirm} pending={pending}>
              {label}
            </Button>
          </>
        }
      >
        <p>{t(grant ? "admin.users.grantBody" : "admin.users.revokeBody", { email })}</p>
      </Dialog>
    </>
  );
}
