// The audit trail: every state change writes one event inside the same transaction as the change.
import type { Prisma } from "@/lib/generated/prisma/client";

type TransactionClient = Prisma.TransactionClient;

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: "user" | "api_token" | "session" | "campaign" | "item" | "release" | "pay_period" | "adjustment" | "account_link" | "item_export";
  subjectId: string;
  payload?: Prisma.InputJsonValue;
}

export async function recordAuditEvent(tx: TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload: event.payload ?? {},
    },
  });
}
