// Hands a reviewer the oldest submitted item they may review, leased to them alone for a limited time.
// FOR UPDATE SKIP LOCKED lets any number of reviewers (and app processes) claim at once without waiting on
// each other or ever getting the same row: a row another transaction is claiming is simply skipped. One reviewer's
// own claims (two tabs, a double click, a retrying client) are serialised by an advisory lock on the reviewer, so
// the second one sees the lease the first took and returns it instead of leasing another item.
import type { z } from "zod";
import { assertQualifiedFor, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { ITEM_LANGUAGES } from "@/lib/vocabulary";
import { claimInputSchema, type Lease } from "@/lib/reviews/schemas";

export async function claimNextItem(viewer: Viewer, input: z.input<typeof claimInputSchema> = {}): Promise<Lease | null> {
  assertRole(viewer, "reviewer");
  const { language, campaignId } = claimInputSchema.parse(input);
  if (language) assertQualifiedFor(viewer, language);
  const languages = language ? [language] : viewer.role === "maintainer" ? [...ITEM_LANGUAGES] : viewer.languages;
  if (languages.length === 0) return null;
  const leaseMinutes = env().ESCRIBA_REVIEW_LEASE_MINUTES;
  // The application's clock, as for every other lease rule (decide-review, get-lease), not the database's.
  const now = currentTime();

  const claimedIds = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`review-claim:${viewer.id}`}, 0))`;
    // Read committed: this statement's snapshot is taken after the lock, so it sees a lease the previous holder took.
    return tx.$queryRaw<{ id: string }[]>`
      WITH held AS (
        SELECT id FROM items
         WHERE leased_to_id = ${viewer.id}::uuid AND lease_expires_at > ${now}::timestamptz AND status = 'submitted'
           AND language::text = ANY(${languages})
           AND (${campaignId ?? null}::uuid IS NULL OR campaign_id = ${campaignId ?? null}::uuid)
         ORDER BY submitted_at LIMIT 1
      ),
      next AS (
        SELECT i.id FROM items i
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
         FOR UPDATE OF i SKIP LOCKED
      )
      UPDATE items SET leased_to_id = ${viewer.id}::uuid,
                       lease_expires_at = ${now}::timestamptz + make_interval(mins => ${leaseMinutes}::int)
       WHERE id = (SELECT id FROM held UNION ALL SELECT id FROM next LIMIT 1)
      RETURNING id::text`;
  });
  const claimedId = claimedIds[0]?.id;
  if (!claimedId) return null;
  const item = await db().item.findUniqueOrThrow({ where: { id: claimedId }, include: ITEM_VIEW_INCLUDE });
  return { item: toItemView(item), leaseExpiresAt: item.leaseExpiresAt!.toISOString() };
}
