// Gold items and blind second reviews handed out by the queue. Each claim draws, at the rates of the campaign whose
// item is next in line, whether it hands out that new work, a gold item or a second review. The lease of a check
// lives in review_checks, never on the item, so the item itself is not touched by anything a check does.
// A gold item never reaches its author or a reviewer who reviewed it, nor anyone twice. A second review goes to
// someone who is neither the author nor one of the round's reviewers, one per decided round.
import { randomInt } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewCheckKind } from "@/lib/generated/prisma/enums";

export type ClaimKind = ReviewCheckKind | "new_work";

/** Rates are whole percentages of claims; the draw has a resolution of 0.01 %. */
export function drawClaimKind(rates: { goldRate: number; secondReviewRate: number }, draw: number = randomInt(10_000)): ClaimKind {
  const percent = draw / 100;
  if (percent < rates.goldRate) return "gold";
  if (percent < rates.goldRate + rates.secondReviewRate) return "second_review";
  return "new_work";
}

export interface CheckScope {
  viewerId: string;
  languages: string[];
  campaignId: string;
  now: Date;
  leaseMinutes: number;
}

/** Leases a gold item or a second review of `scope.campaignId` to the viewer, or null when none is there for them. */
export async function pickReviewCheck(
  tx: Prisma.TransactionClient,
  kind: ReviewCheckKind,
  { viewerId, languages, campaignId, now, leaseMinutes }: CheckScope,
): Promise<{ itemId: string; round: number; leaseExpiresAt: Date } | null> {
  // A check this reviewer let run out is theirs to be handed again, as an expired lease on an item is.
  await tx.$executeRaw`DELETE FROM review_checks
                        WHERE reviewer_id = ${viewerId}::uuid AND decided_at IS NULL AND lease_expires_at <= ${now}::timestamptz`;
  const candidates =
    kind === "gold"
      ? await tx.$queryRaw<{ id: string; round: number; revision_id: string }[]>`
          SELECT i.id::text, i.review_round AS round, i.approved_revision_id::text AS revision_id
            FROM gold_items g JOIN items i ON i.id = g.item_id
           WHERE i.status = 'approved' AND i.campaign_id = ${campaignId}::uuid
             AND i.language::text = ANY(${languages})
             AND i.author_id <> ${viewerId}::uuid
             AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.item_id = i.id AND r.reviewer_id = ${viewerId}::uuid)
             AND NOT EXISTS (SELECT 1 FROM review_checks c WHERE c.item_id = i.id AND c.reviewer_id = ${viewerId}::uuid)
           ORDER BY g.marked_at, i.id
           LIMIT 1`
      : await tx.$queryRaw<{ id: string; round: number; revision_id: string }[]>`
          SELECT i.id::text, i.review_round AS round,
                 (SELECT r.id::text FROM item_revisions r WHERE r.item_id = i.id ORDER BY r.number DESC LIMIT 1) AS revision_id
            FROM items i
           WHERE i.status IN ('approved', 'rejected') AND i.campaign_id = ${campaignId}::uuid
             AND i.language::text = ANY(${languages})
             AND i.author_id <> ${viewerId}::uuid
             AND NOT EXISTS (SELECT 1 FROM gold_items g WHERE g.item_id = i.id)
             AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.item_id = i.id AND r.reviewer_id = ${viewerId}::uuid)
             AND NOT EXISTS (SELECT 1 FROM review_checks c
                              WHERE c.item_id = i.id AND c.kind = 'second_review'
                                AND (c.decided_at IS NOT NULL OR c.lease_expires_at > ${now}::timestamptz))
             AND NOT EXISTS (SELECT 1 FROM review_checks c WHERE c.item_id = i.id AND c.reviewer_id = ${viewerId}::uuid)
             AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.item_id = i.id AND a.status = 'open')
           ORDER BY i.submitted_at, i.id
           LIMIT 1
           FOR UPDATE OF i SKIP LOCKED`;
  const candidate = candidates[0];
  if (!candidate) return null;
  if (kind === "second_review") {
    // Someone else's second review of this item ran out: it is free again.
    await tx.$executeRaw`DELETE FROM review_checks WHERE item_id = ${candidate.id}::uuid AND kind = 'second_review' AND decided_at IS NULL`;
  }
  const rows = await tx.$queryRaw<{ lease_expires_at: Date }[]>`
    INSERT INTO review_checks (id, kind, item_id, revision_id, round, reviewer_id, lease_expires_at, created_at)
    VALUES (gen_random_uuid(), ${kind}::"ReviewCheckKind", ${candidate.id}::uuid, ${candidate.revision_id}::uuid, ${candidate.round},
            ${viewerId}::uuid, ${now}::timestamptz + make_interval(mins => ${leaseMinutes}::int), ${now}::timestamptz)
    RETURNING lease_expires_at`;
  return { itemId: candidate.id, round: candidate.round, leaseExpiresAt: rows[0]!.lease_expires_at };
}
