// The SQL of the productivity report: each source table aggregated once, in PostgreSQL, per person and per day.
//
// Plan assumptions (1,000,000 items, 500 people, 12 months; target p95 < 200 ms for one person's month and for the
// programme's month):
// - Every query is one range scan of the period on an index whose leading columns are the person (when one is asked
//   for) or the instant, and is aggregated in SQL: no row of the period travels to Node.
// - Per person and per day come out of ONE scan through GROUPING SETS, so the daily series costs nothing extra.
// - Days are cut with `AT TIME ZONE` inside SQL; the period's own bounds are instants computed once (period.ts), so
//   the range predicates stay plain timestamptz comparisons the indexes serve.
// - Submissions: item_revisions (author_id, kind, created_at), index-only; for everyone, PostgreSQL 18's skip scan
//   walks the 500 authors. Outcomes: review_outcomes (author_id, decided_at) for one person (a few hundred heap
//   rows), (decided_at, author_id, campaign_id, outcome, round) index-only for everyone. Reviews: (reviewer_id,
//   created_at) and (created_at, reviewer_id, decision). Active time: (user_id, hour) for one person, (hour) for
//   everyone. Earnings: (user_id, earned_at) and (earned_at). Retracted paid items start from the few retracted items.
// - A campaign filter joins items by primary key where the table has no campaign column (revisions, reviews, active
//   time): one index probe per row of the period, fine for a month, slower for a whole year of everyone.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export interface ReportScope {
  start: Date;
  end: Date;
  timeZone: string;
  /** Null: everyone. */
  userId: string | null;
  /** Null: every campaign. */
  campaignId: string | null;
}

/** A row of a GROUPING SETS query: either a person's (userId set) or a day's (date set). */
interface Grouped {
  userId: string | null;
  date: string | null;
}

const inPeriod = (column: Prisma.Sql, scope: ReportScope) =>
  Prisma.sql`${column} >= ${scope.start.toISOString()}::timestamptz AND ${column} < ${scope.end.toISOString()}::timestamptz`;
const ofPerson = (column: Prisma.Sql, scope: ReportScope) =>
  scope.userId ? Prisma.sql`AND ${column} = ${scope.userId}::uuid` : Prisma.empty;
const ofCampaign = (column: Prisma.Sql, scope: ReportScope) =>
  scope.campaignId ? Prisma.sql`AND ${column} = ${scope.campaignId}::uuid` : Prisma.empty;
/** Tables without a campaign column reach it through their item. */
const joinCampaign = (itemColumn: Prisma.Sql, scope: ReportScope) =>
  scope.campaignId ? Prisma.sql`JOIN items i ON i.id = ${itemColumn} AND i.campaign_id = ${scope.campaignId}::uuid` : Prisma.empty;
const localDay = (column: Prisma.Sql, scope: ReportScope) => Prisma.sql`(${column} AT TIME ZONE ${scope.timeZone})::date::text`;

export async function countSubmissions(scope: ReportScope) {
  return db().$queryRaw<{ userId: string; submitted: number }[]>`
    SELECT r.author_id::text AS "userId", count(*)::int AS submitted
    FROM item_revisions r ${joinCampaign(Prisma.sql`r.item_id`, scope)}
    WHERE r.kind = 'submission' ${ofPerson(Prisma.sql`r.author_id`, scope)} AND ${inPeriod(Prisma.sql`r.created_at`, scope)}
    GROUP BY r.author_id`;
}

export type OutcomeRow = Grouped & {
  approved: number;
  sentBack: number;
  rejected: number;
  firstPassDecided: number;
  firstPassApproved: number;
};

export async function countOutcomes(scope: ReportScope) {
  return db().$queryRaw<OutcomeRow[]>`
    SELECT o.author_id::text AS "userId", o.day AS "date",
           count(*) FILTER (WHERE o.outcome = 'approved')::int AS approved,
           count(*) FILTER (WHERE o.outcome = 'changes_requested')::int AS "sentBack",
           count(*) FILTER (WHERE o.outcome = 'rejected')::int AS rejected,
           count(*) FILTER (WHERE o.round = 1)::int AS "firstPassDecided",
           count(*) FILTER (WHERE o.round = 1 AND o.outcome = 'approved')::int AS "firstPassApproved"
    FROM (
      SELECT author_id, outcome, round, ${localDay(Prisma.sql`decided_at`, scope)} AS day
      FROM review_outcomes
      WHERE ${inPeriod(Prisma.sql`decided_at`, scope)} ${ofPerson(Prisma.sql`author_id`, scope)} ${ofCampaign(Prisma.sql`campaign_id`, scope)}
    ) o
    GROUP BY GROUPING SETS ((o.author_id), (o.day))`;
}

export type ReviewRow = Grouped & { approve: number; requestChanges: number; reject: number };

export async function countReviews(scope: ReportScope) {
  return db().$queryRaw<ReviewRow[]>`
    SELECT r.reviewer_id::text AS "userId", r.day AS "date",
           count(*) FILTER (WHERE r.decision = 'approve')::int AS approve,
           count(*) FILTER (WHERE r.decision = 'request_changes')::int AS "requestChanges",
           count(*) FILTER (WHERE r.decision = 'reject')::int AS reject
    FROM (
      SELECT r.reviewer_id, r.decision, ${localDay(Prisma.sql`r.created_at`, scope)} AS day
      FROM reviews r ${joinCampaign(Prisma.sql`r.item_id`, scope)}
      WHERE ${inPeriod(Prisma.sql`r.created_at`, scope)} ${ofPerson(Prisma.sql`r.reviewer_id`, scope)}
    ) r
    GROUP BY GROUPING SETS ((r.reviewer_id), (r.day))`;
}

export type ActiveTimeRow = Grouped & { kind: "writing" | "reviewing"; seconds: number };

export async function sumActiveTime(scope: ReportScope) {
  // Hours are clock hours (UTC); in a whole-hour zone each falls inside one local day.
  return db().$queryRaw<ActiveTimeRow[]>`
    SELECT a.user_id::text AS "userId", a.day AS "date", a.kind::text AS kind, sum(a.active_seconds)::float8 AS seconds
    FROM (
      SELECT a.user_id, a.kind, a.active_seconds, ${localDay(Prisma.sql`a.hour`, scope)} AS day
      FROM active_time a ${joinCampaign(Prisma.sql`a.item_id`, scope)}
      WHERE ${inPeriod(Prisma.sql`a.hour`, scope)} ${ofPerson(Prisma.sql`a.user_id`, scope)}
    ) a
    GROUP BY GROUPING SETS ((a.user_id, a.kind), (a.day, a.kind))`;
}

/** Money stays numeric in SQL and leaves as text ("12.50"); the totals are SQL sums too. */
export async function sumEarnings(scope: ReportScope) {
  return db().$queryRaw<{ userId: string | null; kind: "item" | "review"; currency: string; amount: string }[]>`
    SELECT e.user_id::text AS "userId", e.kind::text AS kind, e.currency, sum(e.amount)::numeric(14, 2)::text AS amount
    FROM earnings e
    WHERE ${inPeriod(Prisma.sql`e.earned_at`, scope)} ${ofPerson(Prisma.sql`e.user_id`, scope)} ${ofCampaign(Prisma.sql`e.campaign_id`, scope)}
    GROUP BY GROUPING SETS ((e.user_id, e.kind, e.currency), (e.kind, e.currency))
    ORDER BY e.currency`;
}

/** Items paid in the period and retracted since: the earning stays, the report says so. */
export async function countRetractedPaidItems(scope: ReportScope) {
  return db().$queryRaw<{ userId: string; retracted: number }[]>`
    SELECT e.user_id::text AS "userId", count(*)::int AS retracted
    FROM items i JOIN earnings e ON e.kind = 'item' AND e.subject_id = i.id
    WHERE i.status = 'retracted' AND ${inPeriod(Prisma.sql`e.earned_at`, scope)}
          ${ofPerson(Prisma.sql`e.user_id`, scope)} ${ofCampaign(Prisma.sql`e.campaign_id`, scope)}
    GROUP BY e.user_id`;
}
