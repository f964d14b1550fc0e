// Calendar periods of the programme: a day, a Monday-to-Sunday week, a month or any range of dates, and the instants
// where they begin and end in the programme's time zone. Pure (no database, no clock): the browser uses it too.

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;
export type PeriodKind = "day" | "week" | "month";
export const PERIOD_KINDS: readonly PeriodKind[] = ["day", "week", "month"];

/** Dates inclusive at both ends, as people say them ("1 to 30 November"). */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Calendar arithmetic on dates alone: the date as if it were a UTC midnight, so no zone can shift it. */
function utcMidnight(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  return Date.parse(`${date}T00:00:00Z`);
}

function isoOf(utcMs: number): IsoDate {
  return new Date(utcMs).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return isoOf(utcMidnight(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Every date of the range, in order. */
export function datesOf(range: DateRange): IsoDate[] {
  const count = daysBetween(range.from, range.to) + 1;
  return Array.from({ length: Math.max(count, 0) }, (_, index) => addDays(range.from, index));
}

/** The day, week (Monday first) or month that contains `date`. */
export function periodContaining(kind: PeriodKind, date: IsoDate): DateRange {
  switch (kind) {
    case "day":
      return { from: date, to: date };
    case "week": {
      const weekday = (new Date(utcMidnight(date)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
      const monday = addDays(date, -weekday);
      return { from: monday, to: addDays(monday, 6) };
    }
    case "month": {
      const first = `${date.slice(0, 7)}-01`;
      const next = new Date(utcMidnight(first));
      next.setUTCMonth(next.getUTCMonth() + 1);
      return { from: first, to: addDays(isoOf(next.getTime()), -1) };
    }
  }
}

/** The period of the same kind just before or after (`step` -1 or +1) the one given. */
export function shiftPeriod(kind: PeriodKind, range: DateRange, step: -1 | 1): DateRange {
  return periodContaining(kind, step < 0 ? addDays(range.from, -1) : addDays(range.to, 1));
}

/** Wall-clock parts of an instant in a zone. */
function wallClock(instant: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute"), second: part("second") };
}

/** How far the zone's clocks are ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const clock = wallClock(instant, timeZone);
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The date it is in the zone at an instant. */
export function dateIn(timeZone: string, instant: Date): IsoDate {
  const clock = wallClock(instant.getTime(), timeZone);
  return `${String(clock.year).padStart(4, "0")}-${String(clock.month).padStart(2, "0")}-${String(clock.day).padStart(2, "0")}`;
}

/**
 * The instant a date begins in the zone (its midnight). The offset is read twice because it may change between UTC
 * midnight and local midnight (a DST change that day); zones whose clocks skip midnight itself begin at the first
 * instant after the gap.
 */
export function startOfDayIn(date: IsoDate, timeZone: string): Date {
  const guess = utcMidnight(date);
  let instant = guess - zoneOffset(guess, timeZone);
  const corrected = guess - zoneOffset(instant, timeZone);
  if (corrected !== instant && dateIn(timeZone, new Date(corrected)) === date) instant = corrected;
  return new Date(instant);
}

/** The half-open interval [start, end) of instants a range of dates covers in the zone. */
export function instantsOf(range: DateRange, timeZone: string): { start: Date; end: Date } {
  return { start: startOfDayIn(range.from, timeZone), end: startOfDayIn(addDays(range.to, 1), timeZone) };
}

/**
 * The whole calendar months inside a range, as the first day of the first one and the first day after the last one
 * (null when there is none): reports read whole months from monthly totals and only the days around them.
 */
export function wholeMonthsWithin(range: DateRange): { from: IsoDate; until: IsoDate } | null {
  const from = range.from.endsWith("-01") ? range.from : addDays(periodContaining("month", range.from).to, 1);
  const dayAfter = addDays(range.to, 1);
  const until = dayAfter.endsWith("-01") ? dayAfter : periodContaining("month", range.to).from;
  return from < until ? { from, until } : null;
}
