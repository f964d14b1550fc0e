// The audit trail: every state change writes one event inside the same transaction as the change.
import { Prisma } from "@/lib/generated/prisma/client";

type TransactionClient = Prisma.TransactionClient;

export interface AuditEventInput {
  actorId: string | null;
  action: string;
  subjectType: "user" | "api_token" | "session" | "campaign" | "item" | "release" | "pay_period" | "adjustment" | "account_link" | "item_export";
  subjectId: string;
  payload?: Prisma.InputJsonValue;
}

/**
 * The payload as jsonb can hold it: PostgreSQL refuses U+0000 in jsonb strings, and payloads carry what people sent (an
 * export's search words may hold a NUL), so each NUL becomes U+FFFD, the replacement character, rather than failing the
 * action it records.
 */
function storableInJsonb(value: Prisma.InputJsonValue): Prisma.InputJsonValue {
  if (typeof value === "string") return value.replaceAll("\u0000", "\uFFFD");
  if (Array.isArray(value)) return value.map((entry) => (entry === null ? entry : storableInJsonb(entry as Prisma.InputJsonValue)));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [storableInJsonb(key) as string, entry === null || entry === undefined ? entry : storableInJsonb(entry as Prisma.InputJsonValue)]),
    ) as Prisma.InputJsonValue;
  }
  return value;
}

export async function recordAuditEvent(tx: TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      payload: storableInJsonb(event.payload ?? {}),
    },
  });
}

/**
 * recordAuditEvent as a statement, for writes sent as statements (lib/database/one-round-trip.ts): the event is written
 * only when `onlyIf` holds, i.e. when the change it records was made in the same batch.
 */
export function auditEventInsert(event: AuditEventInput, onlyIf: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, payload)
    SELECT ${event.actorId}::uuid, ${event.action}, ${event.subjectType}, ${event.subjectId},
           ${JSON.stringify(storableInJsonb(event.payload ?? {}))}::jsonb
     WHERE ${onlyIf}`;
}
