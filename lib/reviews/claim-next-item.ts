// Hands a reviewer the oldest submitted item they may review, leased to them alone for a limited time.
// FOR UPDATE SKIP LOCKED lets any number of reviewers (and app processes) claim at once without waiting on
// each other or ever getting the same row: a row another transaction is claiming is simply skipped. One reviewer's
// own claims (two tabs, a double click, a retrying client) are serialised by an advisory lock on the reviewer, so
// the second one sees the lease the first took and returns it instead of leasing another item.
// At the rates of the new item's campaign, the claim hands out a gold item or a blind second review instead
// (pick-review-check.ts); the lease then lives in review_checks, and the answer looks exactly the same.
import type { z } from "zod";
import { assertQualifiedFor, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { randomInt } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import { drawClaimKind, pickReviewCheck } from "@/lib/reviews/pick-review-check";
import { presentForReview } from "@/lib/reviews/present-for-review";
import { itemViewColumns, itemViewFromRow, type ItemViewRow } from "@/lib/items/item-view-sql";
import type { ItemView } from "@/lib/items/schemas";
import { claimInputSchema, type Lease } from "@/lib/reviews/schemas";

interface Claimed {
  itemId: string;
  round: number;
  leaseExpiresAt: Date;
  /** New work comes with its view from the leasing statement itself; a held lease or a check is presented after. */
  view?: ItemView;
}

export async function claimNextItem(viewer: Viewer, input: z.input<typeof claimInputSchema> = {}): Promise<Lease | null> {
  assertRole(viewer, "reviewer");
  const { language, campaignId } = claimInputSchema.parse(input);
  if (language) assertQualifiedFor(viewer, language);
  const languages = language ? [language] : viewer.role === "maintainer" ? [...ITEM_LANGUAGES] : viewer.languages;
  if (languages.length === 0) return null;
  const leaseMinutes = env().ESCRIBA_REVIEW_LEASE_MINUTES;
  // The application's clock, as for every other lease rule (decide-review, get-lease), not the database's.
  const now = currentTime();
  const scope = { viewerId: viewer.id, languages, campaignId: campaignId ?? null, now, leaseMinutes };

  // Drawn before the statement so that the statement can lease new work at once when the draw says new work at the
  // rates of the campaign whose item is next (drawClaimKind decides with the same draw below).
  const draw = randomInt(10_000);
  const claimed = await db().$transaction(async (tx): Promise<Claimed | null> => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`review-claim:${viewer.id}`}, 0))`;
    // One statement after the lock (read committed: its snapshot is taken after the lock, so it sees a lease the
    // previous holder took): the lease the reviewer still holds, else the next item, leased with its whole review view
    // when the draw gives new work (feedback from earlier rounds only, as presentForReview).
    const rows = await tx.$queryRaw<
      { outcome: "held" | "next"; id: string; round: number; lease_expires_at: Date | null; campaign_id: string | null; gold_rate: number | null; second_review_rate: number | null; view: ItemViewRow | null }[]
    >`
      WITH held AS (
        SELECT id, review_round AS round, lease_expires_at FROM items
         WHERE leased_to_id = ${viewer.id}::uuid AND lease_expires_at > ${now}::timestamptz AND status = 'submitted'
           AND language::text = ANY(${languages})
           AND (${campaignId ?? null}::uuid IS NULL OR campaign_id = ${campaignId ?? null}::uuid)
         UNION ALL
        SELECT c.item_id, c.round, c.lease_expires_at FROM review_checks c JOIN items i ON i.id = c.item_id
         WHERE c.reviewer_id = ${viewer.id}::uuid AND c.decided_at IS NULL AND c.lease_expires_at > ${now}::timestamptz
           AND i.language::text = ANY(${languages})
           AND (${campaignId ?? null}::uuid IS NULL OR i.campaign_id = ${campaignId ?? null}::uuid)
         ORDER BY lease_expires_at LIMIT 1),
      next AS (
        SELECT i.id, i.review_round AS round, i.campaign_id, c.gold_rate, c.second_review_rate
          FROM items i JOIN campaigns c ON c.id = i.campaign_id
         WHERE NOT EXISTS (SELECT 1 FROM held)
           AND i.status = 'submitted'
           AND i.language::text = ANY(${languages})
           AND (${campaignId ?? null}::uuid IS NULL OR i.campaign_id = ${campaignId ?? null}::uuid)
           AND i.author_id <> ${viewer.id}::uuid
           AND (i.leased_to_id IS NULL OR i.lease_expires_at <= ${now}::timestamptz)
           AND NOT EXISTS (SELECT 1 FROM reviews r
                            WHERE r.item_id = i.id AND r.reviewer_id = ${viewer.id}::uuid AND r.round = i.review_round)
           AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.item_id = i.id AND a.status = 'open')
         ORDER BY i.submitted_at, i.id
         LIMIT 1
         FOR UPDATE OF i SKIP LOCKED),
      leased AS (
        UPDATE items i SET leased_to_id = ${viewer.id}::uuid,
                           lease_expires_at = ${now}::timestamptz + make_interval(mins => ${leaseMinutes}::int)
          FROM next
         WHERE i.id = next.id AND ${draw}::int / 100.0 >= next.gold_rate + next.second_review_rate
        RETURNING i.id AS leased_id, i.lease_expires_at AS leased_until, ${itemViewColumns({ feedbackBeforeRound: Prisma.sql`next.round` })})
      SELECT 'held' AS outcome, id::text, round, lease_expires_at, NULL::text AS campaign_id, NULL::int AS gold_rate,
             NULL::int AS second_review_rate, NULL::json AS view FROM held
      UNION ALL
      SELECT 'next', next.id::text, next.round, leased.leased_until, next.campaign_id::text, next.gold_rate,
             next.second_review_rate, CASE WHEN leased.leased_id IS NULL THEN NULL ELSE row_to_json(leased) END
        FROM next LEFT JOIN leased ON leased.leased_id = next.id`;
    const row = rows[0];
    // With no new work to hand out, no check is handed out either: a queue that looks empty but still gives items
    // would tell the reviewer what they are.
    if (!row) return null;
    if (row.outcome === "held" || row.view) {
      return { itemId: row.id, round: row.round, leaseExpiresAt: new Date(row.lease_expires_at!), view: row.view ? itemViewFromRow(row.view) : undefined };
    }
    const kind = drawClaimKind({ goldRate: row.gold_rate!, secondReviewRate: row.second_review_rate! }, draw);
    if (kind !== "new_work") {
      const check = await pickReviewCheck(tx, kind, { ...scope, campaignId: row.campaign_id! });
      if (check) return check;
    }
    // The draw gave a check but none was there for this reviewer: the new work after all.
    const leased = await tx.$queryRaw<(ItemViewRow & { lease_expires_at: Date })[]>`
      UPDATE items i SET leased_to_id = ${viewer.id}::uuid,
                         lease_expires_at = ${now}::timestamptz + make_interval(mins => ${leaseMinutes}::int)
       WHERE i.id = ${row.id}::uuid
      RETURNING i.lease_expires_at, ${itemViewColumns({ feedbackBeforeRound: row.round })}`;
    const lease = leased[0]!;
    return { itemId: row.id, round: row.round, leaseExpiresAt: lease.lease_expires_at, view: itemViewFromRow(lease) };
  });
  if (!claimed) return null;
  return {
    item: claimed.view ?? (await presentForReview(claimed.itemId, claimed.round)),
    leaseExpiresAt: claimed.leaseExpiresAt.toISOString(),
  };
}
