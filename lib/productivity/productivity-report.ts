// Productivity and earnings per person for a period: submissions, review outcomes, first-pass approval, active time,
// reviews, earnings, and a daily series for charts. A person sees their own figures; maintainers see everyone's.
import { assertMaySeeFiguresOf, hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { datesOf } from "@/lib/productivity/period";
import {
  sumAuthorTotals,
  sumDailySeries,
  sumEarningTotals,
  sumReviewerTotals,
  type ReportScope,
} from "@/lib/productivity/productivity-queries";
import {
  productivityQuerySchema,
  type DailyFigures,
  type MoneySum,
  type PersonFigures,
  type ProductivityQuery,
  type ProductivityReport,
  type TotalFigures,
} from "@/lib/productivity/schemas";

type Counts = Omit<TotalFigures, "firstPassApprovalRate" | "approvedPerActiveHour">;

const emptyCounts = (): Counts => ({
  submitted: 0,
  approved: 0,
  sentBack: 0,
  rejected: 0,
  firstPassDecided: 0,
  firstPassApproved: 0,
  writingSeconds: 0,
  itemEarnings: [],
  retractedPaidItems: 0,
  reviews: { approve: 0, requestChanges: 0, reject: 0 },
  reviewingSeconds: 0,
  reviewEarnings: [],
});

/** The ratios, from the counts (never from rounded figures). */
function withRates(counts: Counts): TotalFigures {
  return {
    ...counts,
    firstPassApprovalRate: counts.firstPassDecided ? counts.firstPassApproved / counts.firstPassDecided : null,
    approvedPerActiveHour: counts.writingSeconds ? Math.round((counts.approved * 360_000) / counts.writingSeconds) / 100 : null,
  };
}

async function resolveCampaign(slug: string | undefined) {
  if (slug === undefined) return null;
  const campaign = await db().campaign.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!campaign) {
    throw new AppError("validation_failed", "No campaign has this slug.", { fields: [{ field: "campaign", message: "no campaign with this slug" }] });
  }
  return campaign;
}

export async function productivityReport(viewer: Viewer, input: ProductivityQuery): Promise<ProductivityReport> {
  const query = productivityQuerySchema.parse(input);
  // Without `user`, maintainers ask for everyone and everybody else for themselves.
  const userId = query.user ?? (hasRole(viewer, "maintainer") ? null : viewer.id);
  assertMaySeeFiguresOf(viewer, userId);
  const campaign = await resolveCampaign(query.campaign);
  const timeZone = env().ESCRIBA_PROGRAMME_TIME_ZONE;
  const scope: ReportScope = { from: query.from, to: query.to, userId, campaignId: campaign?.id ?? null };

  const [authors, reviewers, earnings, series] = await Promise.all([
    sumAuthorTotals(scope),
    sumReviewerTotals(scope),
    sumEarningTotals(scope),
    sumDailySeries(scope),
  ]);

  const byPerson = new Map<string, Counts>();
  const person = (id: string) => {
    let counts = byPerson.get(id);
    if (!counts) byPerson.set(id, (counts = emptyCounts()));
    return counts;
  };
  if (userId) person(userId);
  const days = new Map<string, DailyFigures>(
    datesOf(query).map((date) => [date, { date, approved: 0, reviews: 0, writingSeconds: 0, reviewingSeconds: 0 }]),
  );
  const totals = emptyCounts();

  for (const { userId: id, ...counts } of authors) Object.assign(person(id), counts);
  for (const { userId: id, reviewingSeconds, ...decisions } of reviewers) Object.assign(person(id), { reviews: decisions, reviewingSeconds });
  for (const day of series) if (days.has(day.date)) days.set(day.date, day);
  for (const row of earnings) {
    const target = row.userId ? person(row.userId) : totals;
    const sum: MoneySum = { currency: row.currency, amount: row.amount };
    (row.kind === "item" ? target.itemEarnings : target.reviewEarnings).push(sum);
  }

  for (const counts of byPerson.values()) {
    for (const key of ["submitted", "approved", "sentBack", "rejected", "firstPassDecided", "firstPassApproved", "writingSeconds", "reviewingSeconds", "retractedPaidItems"] as const) {
      totals[key] += counts[key];
    }
    totals.reviews.approve += counts.reviews.approve;
    totals.reviews.requestChanges += counts.reviews.requestChanges;
    totals.reviews.reject += counts.reviews.reject;
  }

  const users = await db().user.findMany({
    where: { id: { in: [...byPerson.keys()] } },
    select: { id: true, name: true, email: true, role: true },
  });
  if (userId && !users.some((user) => user.id === userId)) {
    throw new AppError("validation_failed", "No person has this id.", { fields: [{ field: "user", message: "no such person" }] });
  }
  const people: PersonFigures[] = users
    .map((user) => ({ userId: user.id, name: user.name, email: user.email, role: user.role, ...withRates(byPerson.get(user.id)!) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email));

  return {
    from: query.from,
    to: query.to,
    timeZone,
    campaign,
    people,
    totals: withRates(totals),
    days: [...days.values()],
  };
}
