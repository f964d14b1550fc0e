// The SQL of the productivity report. Figures come from the daily roll-ups (productivity_author_days,
// productivity_reviewer_days, productivity_earning_days: one row per person × local day × campaign, kept by triggers
// in the same transaction as every source change; see the migration 20261201150000_productivity_day_rollups), so a
// month of everyone is a few thousand rows read by a range of the (day) index, or of the primary key for one person,
// whatever the number of items. Per person and per day come out of ONE scan through GROUPING SETS.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { IsoDate } from "@/lib/productivity/period";

/** The report's statements, for benchmarks to run bare and to explain. */
export const productivityStatements = (scope: ReportScope): Prisma.Sql[] => [
  authorDaysQuery(scope),
  reviewerDaysQuery(scope),
  earningDaysQuery(scope),
];

export interface ReportScope {
  /** Local dates of the programme, inclusive: what the roll-ups are cut by. */
  from: IsoDate;
  to: IsoDate;
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

const ofScope = (scope: ReportScope) => Prisma.sql`d.day BETWEEN ${scope.from}::date AND ${scope.to}::date
  ${scope.userId ? Prisma.sql`AND d.user_id = ${scope.userId}::uuid` : Prisma.empty}
  ${scope.campaignId ? Prisma.sql`AND d.campaign_id = ${scope.campaignId}::uuid` : Prisma.empty}`;

export type AuthorRow = Grouped & {
  submitted: number;
  approved: number;
  sentBack: number;
  rejected: number;
  firstPassDecided: number;
  firstPassApproved: number;
  writingSeconds: number;
  retractedPaidItems: number;
};

// HAVING: a draft deleted after its hours were counted leaves a row of zeros; its author did nothing to report.
const authorDaysQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId", d.day::text AS "date",
           sum(d.submitted)::int AS submitted, sum(d.approved)::int AS approved, sum(d.sent_back)::int AS "sentBack",
           sum(d.rejected)::int AS rejected, sum(d.first_pass_decided)::int AS "firstPassDecided",
           sum(d.first_pass_approved)::int AS "firstPassApproved", sum(d.writing_seconds)::float8 AS "writingSeconds",
           sum(d.retracted_paid_items)::int AS "retractedPaidItems"
    FROM productivity_author_days d
    WHERE ${ofScope(scope)}
    GROUP BY GROUPING SETS ((d.user_id), (d.day))
    HAVING sum(d.submitted) <> 0 OR sum(d.approved) <> 0 OR sum(d.sent_back) <> 0 OR sum(d.rejected) <> 0
        OR sum(d.writing_seconds) <> 0 OR sum(d.retracted_paid_items) <> 0`;

export async function sumAuthorDays(scope: ReportScope) {
  return db().$queryRaw<AuthorRow[]>(authorDaysQuery(scope));
}

export type ReviewerRow = Grouped & { approve: number; requestChanges: number; reject: number; reviewingSeconds: number };

const reviewerDaysQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId", d.day::text AS "date",
           sum(d.approve)::int AS approve, sum(d.request_changes)::int AS "requestChanges", sum(d.reject)::int AS reject,
           sum(d.reviewing_seconds)::float8 AS "reviewingSeconds"
    FROM productivity_reviewer_days d
    WHERE ${ofScope(scope)}
    GROUP BY GROUPING SETS ((d.user_id), (d.day))
    HAVING sum(d.approve) <> 0 OR sum(d.request_changes) <> 0 OR sum(d.reject) <> 0 OR sum(d.reviewing_seconds) <> 0`;

export async function sumReviewerDays(scope: ReportScope) {
  return db().$queryRaw<ReviewerRow[]>(reviewerDaysQuery(scope));
}

/** Money is summed in integer cents in SQL and leaves as decimal text ("12.50"); the totals are SQL sums too. */
const earningDaysQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId", d.kind::text AS kind, d.currency, (sum(d.amount_cents) / 100.0)::numeric(14, 2)::text AS amount
    FROM productivity_earning_days d
    WHERE ${ofScope(scope)}
    GROUP BY GROUPING SETS ((d.user_id, d.kind, d.currency), (d.kind, d.currency))
    ORDER BY d.currency`;

export async function sumEarningDays(scope: ReportScope) {
  return db().$queryRaw<{ userId: string | null; kind: "item" | "review"; currency: string; amount: string }[]>(earningDaysQuery(scope));
}
