// Writes the audit trail: who did what to which record, from where. Pass the transaction client when
// the audited change happens in a transaction, so the entry and the change commit together.
import "server-only";
import { db } from "@/lib/db";

type AuditClient = Pick<typeof db, "auditLog">;

export type AuditEntry = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  detail?: Record<string, string | number | boolean | null>;
  ip?: string | null;
};

export async function recordAudit(entry: AuditEntry, client: AuditClient = db): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? {},
      ip: entry.ip ?? null,
    },
  });
}
