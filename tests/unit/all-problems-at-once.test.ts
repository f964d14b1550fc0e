// One refused request names every problem it has: a rule across fields runs even when other fields failed, so
// nobody fixes the scores only to hear about the comment on a second try.
import assert from "node:assert/strict";
import { test } from "node:test";
import { createPayPeriodInputSchema } from "@/lib/pay/schemas";
import { markGoldInputSchema } from "@/lib/review-quality/schemas";
import { decideInputSchema } from "@/lib/reviews/schemas";

const problemsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join(".")).sort();

test("a review sent back with no scores and no comment hears about all six at once", () => {
  const result = decideInputSchema.safeParse({
    version: 3,
    decision: "request_changes",
    scores: { instruction: null, correctness: null, fluency: null, safety: null, guidelines: null },
  });
  assert.deepEqual(problemsOf(result), [
    "comment",
    "scores.correctness",
    "scores.fluency",
    "scores.guidelines",
    "scores.instruction",
    "scores.safety",
  ]);
});

test("the comment rule waits for a decision it can read, and is not said twice", () => {
  assert.deepEqual(problemsOf(decideInputSchema.safeParse({ version: 3, decision: "maybe", scores: {} })).filter((path) => path === "comment"), []);
  const approved = decideInputSchema.safeParse({ version: 3, decision: "approve", scores: { instruction: null } });
  assert.ok(!problemsOf(approved).includes("comment"));
});

test("a pay period ending before it starts is named together with a label that is not text", () => {
  const result = createPayPeriodInputSchema.safeParse({ label: 42, startsOn: "2026-05-10", endsOn: "2026-05-01" });
  assert.deepEqual(problemsOf(result), ["endsOn", "label"]);
});

test("a gold item's half range is named together with a bad decision", () => {
  const result = markGoldInputSchema.safeParse({ expectedDecision: "perhaps", expectedScoreMin: 2 });
  assert.deepEqual(problemsOf(result), ["expectedDecision", "expectedScoreMax"]);
});
