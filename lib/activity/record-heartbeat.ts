// Credits the active seconds a browser reports in a heartbeat, honestly: only on work the person may do right now,
// never more than the wall time since their previous accepted beat of the same kind (nor 90 s), and once per beat id.
import type { Viewer } from "@/lib/auth/viewer";
import { assertMayClockReviewing } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ActivityKind, Prisma } from "@/lib/generated/prisma/client";
import { recordActiveTime } from "@/lib/activity/record-active-time";
import {
  AFTER_DECISION_GRACE_SECONDS,
  BEAT_ID_RETENTION_HOURS,
  FIRST_BEAT_MAX_SECONDS,
  MAX_CREDIT_PER_BEAT_SECONDS,
} from "@/lib/activity/heartbeat-rules";
import { heartbeatInputSchema, type HeartbeatInput, type HeartbeatResult } from "@/lib/activity/schemas";
import { assertAuthorCanEdit, canSeeItem } from "@/lib/items/item-access";

/** What one beat may add: its claim, cut to the whole seconds of wall time since the previous accepted beat. */
export function creditFor(claimedSeconds: number, previousBeatAt: Date | null, now: Date): number {
  const allowance =
    previousBeatAt === null ? FIRST_BEAT_MAX_SECONDS : Math.max(0, Math.floor((now.getTime() - previousBeatAt.getTime()) / 1000));
  return Math.min(claimedSeconds, allowance, MAX_CREDIT_PER_BEAT_SECONDS);
}

async function assertMayClock(tx: Prisma.TransactionClient, viewer: Viewer, kind: ActivityKind, itemId: string, now: Date) {
  const item = await tx.item.findUnique({
    where: { id: itemId },
    select: { authorId: true, language: true, status: true, reviewLease: { select: { reviewerId: true, expiresAt: true } } },
  });
  if (!item || !canSeeItem(viewer, item)) throw notFound("Item");
  if (kind === "writing") return assertAuthorCanEdit(viewer, item);
  const holdsLease = item.reviewLease?.reviewerId === viewer.id && item.reviewLease.expiresAt > now;
  const decidedMomentsAgo =
    !holdsLease &&
    (await tx.review.count({
      where: { itemId, reviewerId: viewer.id, createdAt: { gt: new Date(now.getTime() - AFTER_DECISION_GRACE_SECONDS * 1000) } },
    })) > 0;
  // A gold item or blind second review is reviewed like new work, and clocked like it: its lease (or its decision a
  // moment ago) lives in review_checks.
  const graceStart = new Date(now.getTime() - AFTER_DECISION_GRACE_SECONDS * 1000);
  const onCheck =
    !holdsLease &&
    !decidedMomentsAgo &&
    (await tx.reviewCheck.count({
      where: { itemId, reviewerId: viewer.id, OR: [{ decidedAt: null, leaseExpiresAt: { gt: now } }, { decidedAt: { gt: graceStart } }] },
    })) > 0;
  assertMayClockReviewing(viewer, item, decidedMomentsAgo || onCheck, now);
}

/**
 * Locks the person's clock for this kind of work and returns their previous accepted beat (null for the first ever).
 * Every beat of theirs takes this row lock first, so two beats at once are credited one after the other.
 */
async function lockClock(tx: Prisma.TransactionClient, userId: string, kind: ActivityKind, now: Date): Promise<Date | null> {
  const held = await tx.$queryRaw<{ last_beat_at: Date }[]>`
    SELECT last_beat_at FROM activity_clocks WHERE user_id = ${userId}::uuid AND kind = ${kind}::"ActivityKind" FOR UPDATE`;
  if (held[0]) return held[0].last_beat_at;
  const created = await tx.$queryRaw<unknown[]>`
    INSERT INTO activity_clocks (user_id, kind, last_beat_at) VALUES (${userId}::uuid, ${kind}::"ActivityKind", ${now})
    ON CONFLICT DO NOTHING RETURNING 1`;
  if (created.length > 0) return null;
  // A concurrent first beat created the row (ON CONFLICT waited for it to commit): now it can be locked.
  return lockClock(tx, userId, kind, now);
}

export async function recordHeartbeat(viewer: Viewer, input: HeartbeatInput, options: { now?: Date } = {}): Promise<HeartbeatResult> {
  const { kind, itemId, beatId, seconds } = heartbeatInputSchema.parse(input);
  const now = options.now ?? new Date();
  return db().$transaction(async (tx) => {
    await assertMayClock(tx, viewer, kind, itemId, now);
    const previousBeatAt = await lockClock(tx, viewer.id, kind, now);
    const credited = creditFor(seconds, previousBeatAt, now);
    await tx.activityBeat.deleteMany({
      where: { userId: viewer.id, receivedAt: { lt: new Date(now.getTime() - BEAT_ID_RETENTION_HOURS * 3_600_000) } },
    });
    const fresh = await tx.activityBeat.createMany({
      data: { userId: viewer.id, beatId, receivedAt: now, credited },
      skipDuplicates: true,
    });
    if (fresh.count === 0) return { beatId, credited: 0, duplicate: true };
    // Never backwards: a beat that waited for the lock may carry an earlier time than the one before it.
    await tx.$executeRaw`
      UPDATE activity_clocks SET last_beat_at = GREATEST(last_beat_at, ${now})
       WHERE user_id = ${viewer.id}::uuid AND kind = ${kind}::"ActivityKind"`;
    if (credited > 0) await recordActiveTime(tx, { userId: viewer.id, kind, itemId, seconds: credited, at: now });
    return { beatId, credited, duplicate: false };
  });
}
