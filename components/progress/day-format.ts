// Calendar days of the programme ("YYYY-MM-DD") shown in the UI's locale: read as UTC midnight and formatted in
// UTC, so no time zone can move them to the day before.
import { useFormatter } from "next-intl";

export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function useDayFormat() {
  const format = useFormatter();
  return {
    long: (day: string) => format.dateTime(dayAsDate(day), { dateStyle: "long", timeZone: "UTC" }),
    short: (day: string) => format.dateTime(dayAsDate(day), { day: "numeric", month: "short", timeZone: "UTC" }),
  };
}
