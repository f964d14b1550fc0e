// Calendar days (YYYY-MM-DD) shown in the reader's locale: formatted at UTC midnight in UTC, so no zone shifts the day.
import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

export function formatDay(format: Formatter, day: string): string {
  return format.dateTime(new Date(`${day}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
}
