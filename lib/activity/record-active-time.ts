// Adds seconds of active work to a person's record for an item and clock hour (the basis of productivity reports).
import type { ActivityKind, Prisma } from "@/lib/generated/prisma/client";

const HOUR_MS = 3_600_000;

export async function recordActiveTime(
  tx: Prisma.TransactionClient,
  activity: { userId: string; kind: ActivityKind; itemId: string; seconds: number; at: Date },
): Promise<void> {
  const hour = new Date(Math.floor(activity.at.getTime() / HOUR_MS) * HOUR_MS);
  const key = { userId: activity.userId, kind: activity.kind, itemId: activity.itemId, hour };
  await tx.activeTime.upsert({
    where: { userId_kind_itemId_hour: key },
    create: { ...key, activeSeconds: activity.seconds },
    update: { activeSeconds: { increment: activity.seconds } },
  });
}
