// The arithmetic behind campaign progress: totals, the burn-up series, the 14-day rate, the projection, steering order.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  addDays,
  approvalRate,
  assembleProgressGrid,
  calendarDayIn,
  cumulativeBurnUp,
  projectCompletion,
} from "@/lib/progress/progress-arithmetic";
import { rankCellsToSteer, type SteeringCell } from "@/lib/progress/rank-cells-to-steer";

describe("grid", () => {
  const grid = assembleProgressGrid({
    languages: ["gl", "eu"],
    categories: ["open_qa", "closed_qa"],
    quotas: [
      { language: "gl", category: "open_qa", target: 10 },
      { language: "gl", category: "closed_qa", target: 2 },
      { language: "eu", category: "open_qa", target: 0 },
    ],
    counts: [
      { language: "gl", category: "open_qa", status: "approved", count: 3 },
      { language: "gl", category: "open_qa", status: "submitted", count: 2 },
      { language: "gl", category: "open_qa", status: "draft", count: 4 },
      { language: "gl", category: "open_qa", status: "changes_requested", count: 1 },
      { language: "gl", category: "open_qa", status: "rejected", count: 7 },
      { language: "gl", category: "open_qa", status: "retracted", count: 1 },
      { language: "gl", category: "closed_qa", status: "approved", count: 5 },
      { language: "eu", category: "closed_qa", status: "submitted", count: 1 },
    ],
  });

  test("each cell counts its buckets; rejected and retracted items count nowhere", () => {
    assert.deepEqual(grid.cells[0], {
      language: "gl",
      category: "open_qa",
      target: 10,
      approved: 3,
      inReview: 2,
      drafts: 5,
      remaining: 5,
      percentDone: 30,
    });
  });

  test("remaining never goes below 0 and % done may pass 100", () => {
    assert.equal(grid.cells[1]!.remaining, 0);
    assert.equal(grid.cells[1]!.percentDone, 250);
  });

  test("a cell without a quota has no target, remaining or % done", () => {
    const euClosed = grid.cells.find((cell) => cell.language === "eu" && cell.category === "closed_qa")!;
    assert.deepEqual([euClosed.target, euClosed.remaining, euClosed.percentDone, euClosed.inReview], [null, null, null, 1]);
  });

  test("totals add remainings per cell: an overfilled cell does not make up for another", () => {
    assert.deepEqual(grid.languageTotals[0], {
      language: "gl",
      target: 12,
      approved: 8,
      inReview: 2,
      drafts: 5,
      remaining: 5,
      percentDone: 66.7,
    });
    assert.equal(grid.categoryTotals[1]!.target, 2);
    assert.equal(grid.categoryTotals[1]!.inReview, 1);
    assert.deepEqual(
      { target: grid.total.target, approved: grid.total.approved, remaining: grid.total.remaining },
      { target: 12, approved: 8, remaining: 5 },
    );
    assert.equal(grid.shortfall, 7);
  });
});

describe("burn-up", () => {
  const daily = [
    { day: "2026-11-02", approved: 3, retracted: 0 },
    { day: "2026-11-04", approved: 2, retracted: 1 },
    { day: "2026-11-05", approved: 0, retracted: 1 },
  ];

  test("is cumulative, every day present, retractions taken off on their day", () => {
    assert.deepEqual(cumulativeBurnUp(daily, "2026-11-01", "2026-11-06"), [
      { day: "2026-11-01", approved: 0 },
      { day: "2026-11-02", approved: 3 },
      { day: "2026-11-03", approved: 3 },
      { day: "2026-11-04", approved: 4 },
      { day: "2026-11-05", approved: 3 },
      { day: "2026-11-06", approved: 3 },
    ]);
  });

  test("starts from what was approved before its first day", () => {
    assert.deepEqual(cumulativeBurnUp(daily, "2026-11-03", "2026-11-03"), [{ day: "2026-11-03", approved: 3 }]);
  });

  test("days cross month ends and leap days", () => {
    assert.equal(addDays("2028-02-28", 1), "2028-02-29");
    assert.equal(addDays("2026-12-31", 1), "2027-01-01");
  });

  test("the day of an instant is the programme zone's", () => {
    assert.equal(calendarDayIn("Europe/Madrid", new Date("2026-11-20T23:30:00Z")), "2026-11-21");
    assert.equal(calendarDayIn("UTC", new Date("2026-11-20T23:30:00Z")), "2026-11-20");
  });
});

describe("rate and projection", () => {
  test("the rate counts the last 14 days, today included", () => {
    const rate = approvalRate(
      [
        { day: "2026-11-16", approved: 100, retracted: 0 },
        { day: "2026-11-17", approved: 14, retracted: 0 },
        { day: "2026-11-30", approved: 7, retracted: 5 },
        { day: "2026-12-01", approved: 50, retracted: 0 },
      ],
      "2026-11-30",
    );
    assert.deepEqual(rate, { windowDays: 14, approvedInWindow: 21, perDay: 1.5 });
  });

  test("the projection rounds up to whole days", () => {
    assert.equal(projectCompletion(10, { approvedInWindow: 21, windowDays: 14 }, "2026-11-30"), "2026-12-07");
    assert.equal(projectCompletion(1, { approvedInWindow: 28, windowDays: 14 }, "2026-11-30"), "2026-12-01");
  });

  test("no projection without approvals or without a shortfall", () => {
    assert.equal(projectCompletion(10, { approvedInWindow: 0, windowDays: 14 }, "2026-11-30"), null);
    assert.equal(projectCompletion(0, { approvedInWindow: 9, windowDays: 14 }, "2026-11-30"), null);
  });
});

describe("steering", () => {
  const cell = (category: SteeringCell["category"], target: number | null, remaining: number | null, percentDone: number | null): SteeringCell => ({
    campaignId: "c",
    campaignName: "C",
    language: "gl",
    category,
    target,
    remaining,
    percentDone,
  });

  test("most remaining first, ties to the lowest % done, then open cells, full cells last", () => {
    const ranked = rankCellsToSteer([
      cell("open_qa", 10, 0, 100),
      cell("closed_qa", null, null, null),
      cell("brainstorming", 10, 4, 20),
      cell("classification", 20, 4, 10),
      cell("summarization", 30, 12, 50),
    ]);
    assert.deepEqual(
      ranked.map((entry) => [entry.category, entry.state]),
      [
        ["summarization", "needed"],
        ["classification", "needed"],
        ["brainstorming", "needed"],
        ["closed_qa", "open"],
        ["open_qa", "full"],
      ],
    );
  });
});
