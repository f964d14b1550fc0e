// Adds seconds of active typing to an author's daily record for an item (the basis of productivity reports).
import type { Prisma } from "@/lib/generated/prisma/client";

export async function recordWritingActivity(
  tx: Prisma.TransactionClient,
  activity: { userId: string; itemId: string; seconds: number; at?: Date },
): Promise<void> {
  const day = new Date((activity.at ?? new Date()).toISOString().slice(0, 10));
  await tx.writingActivity.upsert({
    where: { userId_itemId_day: { userId: activity.userId, itemId: activity.itemId, day } },
    create: { userId: activity.userId, itemId: activity.itemId, day, activeSeconds: activity.seconds },
    update: { activeSeconds: { increment: activity.seconds } },
  });
}
