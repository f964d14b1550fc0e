// The SQL of the productivity report. Figures come from roll-ups that triggers keep in the same transaction as every
// source change (migration 20261201150000_productivity_day_rollups): per person × campaign, one row per local day and
// one per calendar month (whole_month), and everyone's days in productivity_programme_days. A period's whole months
// are read from the monthly rows and only the days around them from the daily rows, so a month of everyone is about
// 1,500 rows per table whatever the number of items; one person's period is a range of their primary key.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { wholeMonthsWithin, type IsoDate } from "@/lib/productivity/period";

export interface ReportScope {
  /** Local dates of the programme, inclusive: what the roll-ups are cut by. */
  from: IsoDate;
  to: IsoDate;
  /** Null: everyone. */
  userId: string | null;
  /** Null: every campaign. */
  campaignId: string | null;
}

const ofPersonAndCampaign = (scope: ReportScope) => Prisma.sql`
  ${scope.userId ? Prisma.sql`AND d.user_id = ${scope.userId}::uuid` : Prisma.empty}
  ${scope.campaignId ? Prisma.sql`AND d.campaign_id = ${scope.campaignId}::uuid` : Prisma.empty}`;

/** The daily rows of the period. */
const daysOf = (scope: ReportScope) =>
  Prisma.sql`NOT d.whole_month AND d.day BETWEEN ${scope.from}::date AND ${scope.to}::date ${ofPersonAndCampaign(scope)}`;

/** The period as monthly rows for its whole months and daily rows for the days around them. */
function spansOf(scope: ReportScope) {
  const months = wholeMonthsWithin(scope);
  if (!months) return daysOf(scope);
  return Prisma.sql`(
    (d.whole_month AND d.day >= ${months.from}::date AND d.day < ${months.until}::date)
    OR (NOT d.whole_month AND ((d.day >= ${scope.from}::date AND d.day < ${months.from}::date)
                               OR (d.day >= ${months.until}::date AND d.day <= ${scope.to}::date)))
  ) ${ofPersonAndCampaign(scope)}`;
}

export interface AuthorRow {
  userId: string;
  submitted: number;
  approved: number;
  sentBack: number;
  rejected: number;
  firstPassDecided: number;
  firstPassApproved: number;
  writingSeconds: number;
  retractedPaidItems: number;
}

// HAVING: a draft deleted after its hours were counted leaves a row of zeros; its author did nothing to report.
const authorTotalsQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId",
           sum(d.submitted)::int AS submitted, sum(d.approved)::int AS approved, sum(d.sent_back)::int AS "sentBack",
           sum(d.rejected)::int AS rejected, sum(d.first_pass_decided)::int AS "firstPassDecided",
           sum(d.first_pass_approved)::int AS "firstPassApproved", sum(d.writing_seconds)::float8 AS "writingSeconds",
           sum(d.retracted_paid_items)::int AS "retractedPaidItems"
    FROM productivity_author_days d
    WHERE ${spansOf(scope)}
    GROUP BY d.user_id
    HAVING sum(d.submitted) <> 0 OR sum(d.approved) <> 0 OR sum(d.sent_back) <> 0 OR sum(d.rejected) <> 0
        OR sum(d.writing_seconds) <> 0 OR sum(d.retracted_paid_items) <> 0`;

export interface ReviewerRow {
  userId: string;
  approve: number;
  requestChanges: number;
  reject: number;
  reviewingSeconds: number;
}

const reviewerTotalsQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId",
           sum(d.approve)::int AS approve, sum(d.request_changes)::int AS "requestChanges", sum(d.reject)::int AS reject,
           sum(d.reviewing_seconds)::float8 AS "reviewingSeconds"
    FROM productivity_reviewer_days d
    WHERE ${spansOf(scope)}
    GROUP BY d.user_id
    HAVING sum(d.approve) <> 0 OR sum(d.request_changes) <> 0 OR sum(d.reject) <> 0 OR sum(d.reviewing_seconds) <> 0`;

export interface EarningRow {
  /** Null: the total of everyone in the scope. */
  userId: string | null;
  kind: "item" | "review";
  currency: string;
  amount: string;
}

/** Money is summed in integer cents in SQL and leaves as decimal text ("12.50"); the totals are SQL sums too. */
const earningTotalsQuery = (scope: ReportScope) => Prisma.sql`
    SELECT d.user_id::text AS "userId", d.kind::text AS kind, d.currency, (sum(d.amount_cents) / 100.0)::numeric(14, 2)::text AS amount
    FROM productivity_earning_days d
    WHERE ${spansOf(scope)}
    GROUP BY GROUPING SETS ((d.user_id, d.kind, d.currency), (d.kind, d.currency))
    ORDER BY d.currency`;

export interface DayRow {
  date: string;
  approved: number;
  reviews: number;
  writingSeconds: number;
  reviewingSeconds: number;
}

/** One person's days from their own rows; everyone's from the programme's days. */
const dailySeriesQuery = (scope: ReportScope) =>
  scope.userId
    ? Prisma.sql`
    SELECT x.day::text AS date, sum(x.approved)::int AS approved, sum(x.reviews)::int AS reviews,
           sum(x.writing)::float8 AS "writingSeconds", sum(x.reviewing)::float8 AS "reviewingSeconds"
    FROM (
      SELECT d.day, d.approved, 0 AS reviews, d.writing_seconds AS writing, 0 AS reviewing
      FROM productivity_author_days d WHERE ${daysOf(scope)}
      UNION ALL
      SELECT d.day, 0, d.approve + d.request_changes + d.reject, 0, d.reviewing_seconds
      FROM productivity_reviewer_days d WHERE ${daysOf(scope)}
    ) x
    GROUP BY x.day`
    : Prisma.sql`
    SELECT d.day::text AS date, sum(d.approved)::int AS approved, sum(d.reviews)::int AS reviews,
           sum(d.writing_seconds)::float8 AS "writingSeconds", sum(d.reviewing_seconds)::float8 AS "reviewingSeconds"
    FROM productivity_programme_days d
    WHERE d.day BETWEEN ${scope.from}::date AND ${scope.to}::date
      ${scope.campaignId ? Prisma.sql`AND d.campaign_id = ${scope.campaignId}::uuid` : Prisma.empty}
    GROUP BY d.day`;

/** The report's statements, for benchmarks to run bare and to explain. */
export const productivityStatements = (scope: ReportScope): Prisma.Sql[] => [
  authorTotalsQuery(scope),
  reviewerTotalsQuery(scope),
  earningTotalsQuery(scope),
  dailySeriesQuery(scope),
];

export const sumAuthorTotals = (scope: ReportScope) => db().$queryRaw<AuthorRow[]>(authorTotalsQuery(scope));
export const sumReviewerTotals = (scope: ReportScope) => db().$queryRaw<ReviewerRow[]>(reviewerTotalsQuery(scope));
export const sumEarningTotals = (scope: ReportScope) => db().$queryRaw<EarningRow[]>(earningTotalsQuery(scope));
export const sumDailySeries = (scope: ReportScope) => db().$queryRaw<DayRow[]>(dailySeriesQuery(scope));
