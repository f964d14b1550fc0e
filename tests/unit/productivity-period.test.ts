// Period arithmetic of the productivity reports: days, Monday weeks and months, and where they begin and end in the
// programme's time zone, across both DST changes.
import assert from "node:assert/strict";
import { test } from "node:test";
import { dateIn, datesOf, instantsOf, isIsoDate, periodContaining, shiftPeriod, startOfDayIn, wholeMonthsWithin } from "@/lib/productivity/period";

const MADRID = "Europe/Madrid";

test("only real calendar dates written YYYY-MM-DD are dates", () => {
  assert.ok(isIsoDate("2026-02-28"));
  assert.ok(isIsoDate("2028-02-29"));
  for (const bad of ["2026-02-29", "2026-13-01", "2026-1-01", "01/11/2026", "2026-11-01T00:00", ""]) assert.ok(!isIsoDate(bad), bad);
});

test("a week runs from Monday to Sunday, also across a month and a year end", () => {
  assert.deepEqual(periodContaining("week", "2026-11-04"), { from: "2026-11-02", to: "2026-11-08" });
  assert.deepEqual(periodContaining("week", "2026-11-02"), { from: "2026-11-02", to: "2026-11-08" });
  assert.deepEqual(periodContaining("week", "2026-11-08"), { from: "2026-11-02", to: "2026-11-08" });
  assert.deepEqual(periodContaining("week", "2027-01-01"), { from: "2026-12-28", to: "2027-01-03" });
});

test("a month runs from its first to its last day, February of a leap year included", () => {
  assert.deepEqual(periodContaining("month", "2026-11-17"), { from: "2026-11-01", to: "2026-11-30" });
  assert.deepEqual(periodContaining("month", "2028-02-10"), { from: "2028-02-01", to: "2028-02-29" });
  assert.deepEqual(periodContaining("month", "2026-12-31"), { from: "2026-12-01", to: "2026-12-31" });
  assert.deepEqual(periodContaining("day", "2026-12-31"), { from: "2026-12-31", to: "2026-12-31" });
});

test("the previous and next period follow on without a gap", () => {
  assert.deepEqual(shiftPeriod("month", { from: "2026-01-01", to: "2026-01-31" }, -1), { from: "2025-12-01", to: "2025-12-31" });
  assert.deepEqual(shiftPeriod("month", { from: "2026-01-01", to: "2026-01-31" }, 1), { from: "2026-02-01", to: "2026-02-28" });
  assert.deepEqual(shiftPeriod("week", { from: "2026-11-02", to: "2026-11-08" }, 1), { from: "2026-11-09", to: "2026-11-15" });
  assert.deepEqual(shiftPeriod("day", { from: "2026-03-01", to: "2026-03-01" }, -1), { from: "2026-02-28", to: "2026-02-28" });
  assert.deepEqual(datesOf({ from: "2026-02-27", to: "2026-03-02" }), ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
});

test("a Madrid day begins at its local midnight: 23:00 UTC in winter, 22:00 UTC in summer", () => {
  assert.equal(startOfDayIn("2026-01-15", MADRID).toISOString(), "2026-01-14T23:00:00.000Z");
  assert.equal(startOfDayIn("2026-07-15", MADRID).toISOString(), "2026-07-14T22:00:00.000Z");
  assert.equal(startOfDayIn("2026-07-15", "UTC").toISOString(), "2026-07-15T00:00:00.000Z");
  assert.equal(startOfDayIn("2026-07-15", "America/New_York").toISOString(), "2026-07-15T04:00:00.000Z");
});

test("the day clocks go forward has 23 hours and the day they go back has 25", () => {
  const spring = instantsOf(periodContaining("day", "2026-03-29"), MADRID);
  assert.equal(spring.start.toISOString(), "2026-03-28T23:00:00.000Z");
  assert.equal(spring.end.toISOString(), "2026-03-29T22:00:00.000Z");
  const autumn = instantsOf(periodContaining("day", "2026-10-25"), MADRID);
  assert.equal(autumn.start.toISOString(), "2026-10-24T22:00:00.000Z");
  assert.equal(autumn.end.toISOString(), "2026-10-25T23:00:00.000Z");
  assert.equal((autumn.end.getTime() - autumn.start.getTime()) / 3_600_000, 25);
});

test("a week and a month across a DST change begin and end at local midnights", () => {
  const week = instantsOf(periodContaining("week", "2026-10-21"), MADRID);
  assert.equal(week.start.toISOString(), "2026-10-18T22:00:00.000Z");
  assert.equal(week.end.toISOString(), "2026-10-25T23:00:00.000Z");
  const october = instantsOf(periodContaining("month", "2026-10-10"), MADRID);
  assert.equal(october.start.toISOString(), "2026-09-30T22:00:00.000Z");
  assert.equal(october.end.toISOString(), "2026-10-31T23:00:00.000Z");
  const march = instantsOf(periodContaining("month", "2026-03-10"), MADRID);
  assert.equal(march.start.toISOString(), "2026-02-28T23:00:00.000Z");
  assert.equal(march.end.toISOString(), "2026-03-31T22:00:00.000Z");
});

test("23:30 UTC on the last day of a month is already the next month's first day in Madrid", () => {
  const late = new Date("2026-11-30T23:30:00Z");
  assert.equal(dateIn(MADRID, late), "2026-12-01");
  assert.equal(dateIn("UTC", late), "2026-11-30");
  const december = instantsOf(periodContaining("month", "2026-12-01"), MADRID);
  assert.ok(late >= december.start && late < december.end);
});

test("the whole months inside a range are those it covers from their first to their last day", () => {
  assert.deepEqual(wholeMonthsWithin({ from: "2026-11-01", to: "2026-11-30" }), { from: "2026-11-01", until: "2026-12-01" });
  assert.deepEqual(wholeMonthsWithin({ from: "2026-09-15", to: "2026-11-20" }), { from: "2026-10-01", until: "2026-11-01" });
  assert.deepEqual(wholeMonthsWithin({ from: "2025-12-01", to: "2026-11-30" }), { from: "2025-12-01", until: "2026-12-01" });
  assert.deepEqual(wholeMonthsWithin({ from: "2024-02-01", to: "2024-02-29" }), { from: "2024-02-01", until: "2024-03-01" });
  assert.equal(wholeMonthsWithin({ from: "2024-02-01", to: "2024-02-28" }), null);
  assert.equal(wholeMonthsWithin({ from: "2026-11-02", to: "2026-11-30" }), null);
  assert.equal(wholeMonthsWithin({ from: "2026-11-09", to: "2026-11-15" }), null);
});
