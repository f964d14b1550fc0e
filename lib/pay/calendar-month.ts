// Calendar months as pay periods: the label 2026-11 means 1 to 30 November 2026 in the programme's time zone.

const MONTH_LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthLabel(label: string): boolean {
  return MONTH_LABEL.test(label);
}

/** The first and last day (YYYY-MM-DD) of the month a label such as 2026-11 names. */
export function calendarMonthDays(label: string): { startsOn: string; endsOn: string } {
  const match = MONTH_LABEL.exec(label);
  if (!match) throw new Error(`not a month label: ${label}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { startsOn: `${label}-01`, endsOn: `${label}-${String(lastDay).padStart(2, "0")}` };
}
