// The arithmetic of campaign progress, free of the database: cells and totals, the burn-up series, the recent
// approval rate and the projected completion day. Days are calendar days ("YYYY-MM-DD") of the programme's zone.
import type { BurnUpDay, ProgressCell, ProgressCounts } from "@/lib/progress/schemas";
import type { ItemCategory, ItemLanguage, ItemStatus } from "@/lib/vocabulary";

export const RATE_WINDOW_DAYS = 14;

export interface StatusCount {
  language: ItemLanguage;
  category: ItemCategory;
  status: ItemStatus;
  count: number;
}

export interface Quota {
  language: ItemLanguage;
  category: ItemCategory;
  target: number;
}

/** Approvals and retractions (of approved items) that happened on one day. */
export interface DailyApprovals {
  day: string;
  approved: number;
  retracted: number;
}

function countsOf(target: number | null, approved: number, inReview: number, drafts: number): ProgressCounts {
  return {
    target,
    approved,
    inReview,
    drafts,
    remaining: target === null ? null : Math.max(0, target - approved - inReview),
    percentDone: percentOf(approved, target),
  };
}

function percentOf(approved: number, target: number | null): number | null {
  if (target === null) return null;
  if (target === 0) return 100;
  return Math.round((approved * 1000) / target) / 10;
}

/** Totals of several cells: targets and remainings add up where set (a full cell does not absorb another's need). */
export function sumCounts(cells: readonly ProgressCounts[]): ProgressCounts {
  const targets = cells.filter((cell) => cell.target !== null);
  const target = targets.length === 0 ? null : targets.reduce((sum, cell) => sum + cell.target!, 0);
  const total = {
    target,
    approved: cells.reduce((sum, cell) => sum + cell.approved, 0),
    inReview: cells.reduce((sum, cell) => sum + cell.inReview, 0),
    drafts: cells.reduce((sum, cell) => sum + cell.drafts, 0),
    remaining: target === null ? null : targets.reduce((sum, cell) => sum + cell.remaining!, 0),
    percentDone: null as number | null,
  };
  total.percentDone = percentOf(total.approved, target);
  return total;
}

/** One cell per language × category (in the order given), with totals per language, per category and overall. */
export function assembleProgressGrid(input: {
  languages: readonly ItemLanguage[];
  categories: readonly ItemCategory[];
  quotas: readonly Quota[];
  counts: readonly StatusCount[];
}) {
  const key = (language: string, category: string) => `${language}/${category}`;
  const targets = new Map(input.quotas.map((quota) => [key(quota.language, quota.category), quota.target]));
  const tally = new Map<string, { approved: number; inReview: number; drafts: number }>();
  for (const row of input.counts) {
    const entry = tally.get(key(row.language, row.category)) ?? { approved: 0, inReview: 0, drafts: 0 };
    if (row.status === "approved") entry.approved += row.count;
    else if (row.status === "submitted") entry.inReview += row.count;
    else if (row.status === "draft" || row.status === "changes_requested") entry.drafts += row.count;
    tally.set(key(row.language, row.category), entry);
  }
  const cells: ProgressCell[] = input.languages.flatMap((language) =>
    input.categories.map((category) => {
      const entry = tally.get(key(language, category)) ?? { approved: 0, inReview: 0, drafts: 0 };
      return { language, category, ...countsOf(targets.get(key(language, category)) ?? null, entry.approved, entry.inReview, entry.drafts) };
    }),
  );
  return {
    cells,
    languageTotals: input.languages.map((language) => ({ language, ...sumCounts(cells.filter((cell) => cell.language === language)) })),
    categoryTotals: input.categories.map((category) => ({ category, ...sumCounts(cells.filter((cell) => cell.category === category)) })),
    total: sumCounts(cells),
    /** Approvals still missing per cell, summed: what the projection has to cover. */
    shortfall: cells.reduce((sum, cell) => sum + (cell.target === null ? 0 : Math.max(0, cell.target - cell.approved)), 0),
  };
}

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar day an instant falls on in a time zone. */
export function calendarDayIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((entry) => entry.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/**
 * Approved items at the end of each day from `from` to `to`, every day present. A retracted item counts as approved
 * from the day of its approval until the day of its retraction, so the last point equals the grid's approved total.
 */
export function cumulativeBurnUp(days: readonly DailyApprovals[], from: string, to: string): BurnUpDay[] {
  const byDay = new Map(days.map((entry) => [entry.day, entry.approved - entry.retracted]));
  let running = days.filter((entry) => entry.day < from).reduce((sum, entry) => sum + entry.approved - entry.retracted, 0);
  const series: BurnUpDay[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    running += byDay.get(day) ?? 0;
    series.push({ day, approved: running });
  }
  return series;
}

/**
 * Approvals per day over the last `windowDays` days, today included. It counts approvals as they happened, even of
 * items retracted since: it measures how fast review turns out approved work.
 */
export function approvalRate(days: readonly DailyApprovals[], today: string, windowDays = RATE_WINDOW_DAYS) {
  const first = addDays(today, -(windowDays - 1));
  const approvedInWindow = days.filter((entry) => entry.day >= first && entry.day <= today).reduce((sum, entry) => sum + entry.approved, 0);
  return { windowDays, approvedInWindow, perDay: Math.round((approvedInWindow * 100) / windowDays) / 100 };
}

/** The day the shortfall is met at the window's rate (whole days, rounded up); null when nothing is missing or nothing moves. */
export function projectCompletion(shortfall: number, rate: { approvedInWindow: number; windowDays: number }, today: string): string | null {
  if (shortfall <= 0 || rate.approvedInWindow <= 0) return null;
  // Integer arithmetic: days = ceil(shortfall / (approved / window)).
  const daysNeeded = Math.ceil((shortfall * rate.windowDays) / rate.approvedInWindow);
  return addDays(today, daysNeeded);
}
