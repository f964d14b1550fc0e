// Live progress of one campaign for one viewer: the grid (maintainers: every language; others: their own), the
// burn-up series, the 14-day approval rate and the projected completion day. Read from the counters a trigger on
// items keeps (campaign_cell_counts, campaign_approval_hours): a few hundred rows whatever the number of items.
import type { Viewer } from "@/lib/auth/viewer";
import { progressLanguagesFor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import {
  approvalRate,
  assembleProgressGrid,
  calendarDayIn,
  cumulativeBurnUp,
  projectCompletion,
  type DailyApprovals,
  type StatusCount,
} from "@/lib/progress/progress-arithmetic";
import type { CampaignProgress } from "@/lib/progress/schemas";
import type { ItemLanguage } from "@/lib/vocabulary";

const STATUS_COUNTS_SQL = `
  SELECT language::text AS language, category::text AS category, status::text AS status, items AS count
  FROM campaign_cell_counts
  WHERE campaign_id = $1::uuid AND language = ANY($2::text[]::"Language"[]) AND items <> 0`;

// An approved item stays approved unless retracted, so its approval is its first (and only) one. Hours are UTC
// clock hours, so the programme's days (of a whole-hour time zone) are unions of them.
const DAILY_APPROVALS_SQL = `
  SELECT (hour AT TIME ZONE $3)::date::text AS day, sum(approved)::int AS approved, sum(retracted)::int AS retracted
  FROM campaign_approval_hours
  WHERE campaign_id = $1::uuid AND language = ANY($2::text[]::"Language"[])
  GROUP BY 1 HAVING sum(approved) <> 0 OR sum(retracted) <> 0
  ORDER BY 1`;

/** The two reads, for benchmarks that check their plans: parameters are campaign id, languages and time zone. */
export const CAMPAIGN_PROGRESS_QUERIES = { statusCounts: STATUS_COUNTS_SQL, dailyApprovals: DAILY_APPROVALS_SQL } as const;

export type CampaignRef = { id: string } | { slug: string };

export async function getCampaignProgress(viewer: Viewer, ref: CampaignRef, options: { now?: Date } = {}): Promise<CampaignProgress> {
  const campaign = await db().campaign.findUnique({
    where: "id" in ref ? { id: ref.id } : { slug: ref.slug },
    include: { quotas: true },
  });
  // A campaign not yet opened is the maintainers' business; to others it does not exist.
  if (!campaign || (campaign.status === "draft" && viewer.role !== "maintainer")) throw notFound("Campaign");
  const languages = progressLanguagesFor(viewer, campaign.languages as ItemLanguage[]);
  const timeZone = env().ESCRIBA_PROGRAMME_TIME_ZONE;
  const today = calendarDayIn(timeZone, options.now ?? new Date());

  const [counts, daily] = await Promise.all([
    db().$queryRawUnsafe<StatusCount[]>(STATUS_COUNTS_SQL, campaign.id, languages),
    db().$queryRawUnsafe<DailyApprovals[]>(DAILY_APPROVALS_SQL, campaign.id, languages, timeZone),
  ]);
  const grid = assembleProgressGrid({
    languages,
    categories: campaign.categories,
    quotas: campaign.quotas.filter((quota) => languages.includes(quota.language as ItemLanguage)),
    counts,
  });
  const createdDay = calendarDayIn(timeZone, campaign.createdAt);
  const from = daily.length > 0 && daily[0]!.day < createdDay ? daily[0]!.day : createdDay;
  const to = daily.length > 0 && daily.at(-1)!.day > today ? daily.at(-1)!.day : today;
  const rate = approvalRate(daily, today);
  return {
    campaign: { id: campaign.id, slug: campaign.slug, name: campaign.name, status: campaign.status },
    timeZone,
    today,
    languages,
    categories: campaign.categories,
    ...grid,
    burnUp: { target: grid.total.target, days: cumulativeBurnUp(daily, from, to) },
    rate,
    projectedCompletion: projectCompletion(grid.shortfall, rate, today),
  };
}
