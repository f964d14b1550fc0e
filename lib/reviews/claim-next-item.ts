// Hands a reviewer the oldest submitted item they may review, leased to them alone for a limited time.
// FOR UPDATE SKIP LOCKED lets any number of reviewers (and app processes) claim at once without waiting on
// each other or ever getting the same row: a row another transaction is claiming is simply skipped. One reviewer's
// own claims (two tabs, a double click, a retrying client) are serialised by an advisory lock on the reviewer, so
// the second one sees the lease the first took and returns it instead of leasing another item.
// A lease is a row of review_leases, never a write to the item: the claim locks the item row (FOR UPDATE writes no new
// version of it, so no index of `items` is touched) and inserts the lease, taking over only an expired one.
// At the rates of the new item's campaign, the claim hands out a gold item or a blind second review instead
// (pick-review-check.ts); the lease then lives in review_checks, and the answer looks exactly the same.
import type { z } from "zod";
import { assertQualifiedFor, assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { prepared, queryEachInOneRoundTrip, type RoundTripStatement } from "@/lib/database/one-round-trip";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
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
  /** New work and a held lease come with their view from the claim's round trip; a check is presented after. */
  view?: ItemView;
}

interface LeaseScope {
  viewerId: string;
  now: Date;
  leaseMinutes: number;
}

export interface ClaimScope extends LeaseScope {
  languages: string[];
  campaignId: string | null;
}

type ClaimRow = {
  outcome: "held" | "next";
  id: string;
  round: number;
  /** Null when the next item was not leased: a check was drawn, or another claim leased it first. */
  lease_expires_at: Date | null;
  campaign_id: string | null;
  gold_rate: number | null;
  second_review_rate: number | null;
};

/**
 * The items of the claim's languages and campaign: languages compared as the column's enum (so that its statistics and
 * indexes apply), no campaign condition when the claim names none.
 */
function inScope({ languages, campaignId }: Pick<ClaimScope, "languages" | "campaignId">): Prisma.Sql {
  const campaign = campaignId === null ? Prisma.empty : Prisma.sql`AND i.campaign_id = ${campaignId}::uuid`;
  return Prisma.sql`i.language = ANY(${languages}::text[]::"Language"[]) ${campaign}`;
}

/** The lease or unfinished check the reviewer holds within the claim's languages and campaign, the earliest to expire. */
function heldSql(scope: ClaimScope): Prisma.Sql {
  const { viewerId, now } = scope;
  return Prisma.sql`
      SELECT l.item_id AS id, i.review_round AS round, l.expires_at AS lease_expires_at
        FROM review_leases l JOIN items i ON i.id = l.item_id
       WHERE l.reviewer_id = ${viewerId}::uuid AND l.expires_at > ${now}::timestamptz AND i.status = 'submitted' AND ${inScope(scope)}
       UNION ALL
      SELECT c.item_id, c.round, c.lease_expires_at FROM review_checks c JOIN items i ON i.id = c.item_id
       WHERE c.reviewer_id = ${viewerId}::uuid AND c.decided_at IS NULL AND c.lease_expires_at > ${now}::timestamptz AND ${inScope(scope)}
       ORDER BY lease_expires_at LIMIT 1`;
}

/**
 * The claim's statement: the lease the reviewer still holds, else the next item, leased when the draw gives new work.
 * Run after the reviewer's advisory lock, in read committed, so its snapshot sees a lease the lock's previous holder
 * took.
 * Without a campaign it is planned once for all values (a generic plan; planning it for each call cost PostgreSQL three
 * times what running it does), and that plan must walk the queue index in order and stop at the first item it may lease.
 * The planner picks that walk when it expects many items to pass the conditions, and sorts what passes when it expects
 * few. So the author is compared as text: for `author_id <> $1` with no value known, the planner assumes the value is
 * a typical author, and where one author wrote nearly everything (an import under one e-mail address) it expects no
 * item to pass and sorts the whole queue (330 ms at 50,000 items). As text the column has no statistics, and the
 * planner expects nearly every item to pass, which is true for every reviewer but that one author. A named campaign is
 * still planned per call: with its value unknown, the planner would guess its share of the queue from the number of
 * campaigns.
 */
function claimStatement(scope: ClaimScope, draw: number): Prisma.Sql {
  const { viewerId, now } = scope;
  return Prisma.sql`
    WITH held AS (${heldSql(scope)}),
    next AS (
      SELECT i.id, i.review_round AS round, i.campaign_id, c.gold_rate, c.second_review_rate
        FROM items i JOIN campaigns c ON c.id = i.campaign_id
       WHERE NOT EXISTS (SELECT 1 FROM held)
         AND i.status = 'submitted' AND ${inScope(scope)}
         AND i.author_id::text <> ${viewerId}::uuid::text
         AND NOT EXISTS (SELECT 1 FROM review_leases l WHERE l.item_id = i.id AND l.expires_at > ${now}::timestamptz)
         AND NOT EXISTS (SELECT 1 FROM reviews r
                          WHERE r.item_id = i.id AND r.reviewer_id = ${viewerId}::uuid AND r.round = i.review_round)
         AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.item_id = i.id AND a.status = 'open')
       ORDER BY i.submitted_at, i.id
       LIMIT 1
       FOR UPDATE OF i SKIP LOCKED),
    ${leaseSql(scope, Prisma.sql`SELECT next.id FROM next WHERE ${draw}::int / 100.0 >= next.gold_rate + next.second_review_rate`)}
    SELECT 'held' AS outcome, held.id::text, held.round, held.lease_expires_at, NULL::text AS campaign_id, NULL::int AS gold_rate,
           NULL::int AS second_review_rate
      FROM held
    UNION ALL
    SELECT 'next', next.id::text, next.round, leased.expires_at, next.campaign_id::text, next.gold_rate, next.second_review_rate
      FROM next LEFT JOIN leased ON leased.item_id = next.id`;
}

/**
 * The review view of what the reviewer holds once the claim statement before it in the same transaction has run: the
 * lease it found held or has just taken (feedback from earlier rounds only, as presentForReview). Every row it reads is
 * found by key, so one plan serves every call and it is made once per connection: when the view was part of the claim
 * statement, planning that statement anew for each claim cost PostgreSQL more than running it.
 */
function heldViewStatement(scope: ClaimScope): Prisma.Sql {
  return Prisma.sql`
    WITH held AS (${heldSql(scope)})
    SELECT ${itemViewColumns({ feedbackBeforeRound: Prisma.sql`held.round` })} FROM held JOIN items i ON i.id = held.id`;
}

/**
 * The claim's round trip: the reviewer's lock, the claim statement, and the view of what the reviewer then holds.
 * Exported so that bench/review-claim-latency.ts and tests/integration/review-claim-plan.test.ts can check the claim
 * statement's plan.
 */
export function claimRoundTrip(scope: ClaimScope, draw: number): [lock: Prisma.Sql, claim: RoundTripStatement, view: RoundTripStatement] {
  const claim = claimStatement(scope, draw);
  return [
    reviewerLock(scope.viewerId),
    scope.campaignId === null ? prepared(claim, { genericPlan: true }) : claim,
    prepared(heldViewStatement(scope), { genericPlan: true }),
  ];
}

const reviewerLock = (viewerId: string) => Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`review-claim:${viewerId}`}, 0))`;

/**
 * A held lease or new work leased: the claim is done, with the item's view when `view` is of it. Otherwise (a check
 * drawn, a lease refused) not.
 */
function finishedClaim(row: ClaimRow, view: ItemViewRow | undefined): Claimed | null {
  if (!row.lease_expires_at) return null;
  // A held gold item or second review may be approved already: it is shown as waiting for review in its round, as
  // presentForReview shows it (for new work these are the item's own values).
  const presented = view?.id === row.id ? { ...itemViewFromRow(view), status: "submitted" as const, reviewRound: row.round } : undefined;
  return { itemId: row.id, round: row.round, leaseExpiresAt: new Date(row.lease_expires_at), view: presented };
}

/**
 * The CTE `leased`: the lease of the item that `source` (a SELECT of one `id`) names, inserted for the viewer. Someone
 * else's live lease is never taken over (ON CONFLICT … WHERE expired): this insert, not the snapshot the candidate was
 * read in, is what keeps an item from being leased twice.
 */
function leaseSql({ viewerId, now, leaseMinutes }: LeaseScope, source: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    leased AS (
      INSERT INTO review_leases AS l (item_id, reviewer_id, expires_at)
      SELECT source.id, ${viewerId}::uuid, ${now}::timestamptz + make_interval(mins => ${leaseMinutes}::int) FROM (${source}) source
      ON CONFLICT (item_id) DO UPDATE SET reviewer_id = EXCLUDED.reviewer_id, expires_at = EXCLUDED.expires_at
       WHERE l.expires_at <= ${now}::timestamptz
      RETURNING l.item_id, l.expires_at)`;
}

const queueTooBusy = () =>
  new AppError("unavailable", "The review queue is too busy at the moment; please try again.", { details: { retryAfterSeconds: 1 } });

/** How often a claim reads the queue again after losing its candidate to a claim that committed meanwhile. */
const CLAIM_ATTEMPTS = 10;

/** The claim when the draw gives a check (or new work when no check is there), statement by statement. */
async function claimInTransaction(scope: ClaimScope, draw: number): Promise<Claimed | null> {
  return db().$transaction(async (tx): Promise<Claimed | null> => {
    await tx.$executeRaw(reviewerLock(scope.viewerId));
    for (let attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
      const rows = await tx.$queryRaw<ClaimRow[]>(claimStatement(scope, draw));
      const row = rows[0];
      if (!row) return null;
      const finished = finishedClaim(row, undefined);
      if (finished) return finished;
      const kind = drawClaimKind({ goldRate: row.gold_rate!, secondReviewRate: row.second_review_rate! }, draw);
      if (kind !== "new_work") {
        const check = await pickReviewCheck(tx, kind, { ...scope, campaignId: row.campaign_id! });
        if (check) return check;
        // The draw gave a check but none was there for this reviewer: the new work after all.
        const leased = await tx.$queryRaw<{ expires_at: Date }[]>`
          WITH ${leaseSql(scope, Prisma.sql`SELECT ${row.id}::uuid AS id`)} SELECT expires_at FROM leased`;
        const lease = leased[0];
        if (lease) return { itemId: row.id, round: row.round, leaseExpiresAt: lease.expires_at };
      }
      // The lease was refused: another claim leased this item and committed after this statement's snapshot was taken
      // but before it locked the item (the lock alone does not show a lease, which is no write to the item). The next
      // statement's snapshot sees that lease and passes the item by.
    }
    throw queueTooBusy();
  });
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
  // Most claims end in one round trip: the reviewer's lock, the claim statement and the view of what it leased or
  // found held, sent together. A lease refused (another
  // claim took the item between this statement's snapshot and its row lock; frequent at the head of a busy queue) is
  // tried again the same way, with a fresh snapshot that sees that lease. A check drawn goes on in a transaction of its
  // own. Neither case wrote anything in the round trip: the lease is only written for new work.
  let claimed: Claimed | null = null;
  for (let attempt = 1; attempt <= CLAIM_ATTEMPTS && !claimed; attempt++) {
    const [, claimRows, viewRows] = await queryEachInOneRoundTrip(claimRoundTrip(scope, draw));
    const row = (claimRows as ClaimRow[])[0];
    // With no new work to hand out, no check is handed out either: a queue that looks empty but still gives items
    // would tell the reviewer what they are.
    if (!row) return null;
    claimed = finishedClaim(row, (viewRows as ItemViewRow[])[0]);
    if (!claimed && drawClaimKind({ goldRate: row.gold_rate!, secondReviewRate: row.second_review_rate! }, draw) !== "new_work") {
      claimed = await claimInTransaction(scope, draw);
      if (!claimed) return null;
    }
  }
  if (!claimed) throw queueTooBusy();
  return {
    item: claimed.view ?? (await presentForReview(claimed.itemId, claimed.round)),
    leaseExpiresAt: claimed.leaseExpiresAt.toISOString(),
  };
}
