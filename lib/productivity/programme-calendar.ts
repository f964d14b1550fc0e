// Where the programme's calendar stands now: its time zone and today's date there (pages start their period from it).
import { env } from "@/lib/env";
import { dateIn, type IsoDate } from "@/lib/productivity/period";

export function programmeCalendar(now = new Date()): { timeZone: string; today: IsoDate } {
  const timeZone = env().ESCRIBA_PROGRAMME_TIME_ZONE;
  return { timeZone, today: dateIn(timeZone, now) };
}
