// Calendar days of the programme ("YYYY-MM-DD") in the UI's locale, formatted on the server: read as UTC midnight and
// formatted in UTC, so no time zone moves them to the day before. Server-side because browsers' Intl data may lack
// a locale (Debian's Chromium formats Basque dates and numbers as English), while Node carries full ICU.
import type { getFormatter } from "next-intl/server";

export type ServerFormatter = Awaited<ReturnType<typeof getFormatter>>;

export const dayAsDate = (day: string) => new Date(`${day}T00:00:00Z`);

export function formatDay(format: ServerFormatter, day: string, style: "long" | "short"): string {
  return style === "long"
    ? format.dateTime(dayAsDate(day), { dateStyle: "long", timeZone: "UTC" })
    : format.dateTime(dayAsDate(day), { day: "numeric", month: "short", timeZone: "UTC" });
}

/** Round steps (1, 2 or 5 × a power of ten) from 0 past `max`, at most about six of them. */
export function chartTicks(max: number): number[] {
  const top = Math.max(max, 1);
  const rough = top / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!);
  const ticks: number[] = [];
  for (let value = 0; value < top + step; value += step) ticks.push(value);
  return ticks;
}
