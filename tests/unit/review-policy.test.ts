import assert from "node:assert/strict";
import { test } from "node:test";
import { applyReviewPolicy } from "@/lib/reviews/review-policy";

test("with one approval required, an approval approves and a rejection rejects", () => {
  assert.deepEqual(applyReviewPolicy({ approvalsRequired: 1, earlierDecisions: [], decision: "approve" }), { status: "approved", adjudication: false });
  assert.deepEqual(applyReviewPolicy({ approvalsRequired: 1, earlierDecisions: [], decision: "reject" }), { status: "rejected", adjudication: false });
});

test("with two approvals required, the first approval waits for a second reviewer", () => {
  assert.deepEqual(applyReviewPolicy({ approvalsRequired: 2, earlierDecisions: [], decision: "approve" }), { status: "submitted", adjudication: false });
  assert.deepEqual(applyReviewPolicy({ approvalsRequired: 2, earlierDecisions: ["approve"], decision: "approve" }), { status: "approved", adjudication: false });
});

test("rejecting what another reviewer approved goes to a maintainer", () => {
  assert.deepEqual(applyReviewPolicy({ approvalsRequired: 2, earlierDecisions: ["approve"], decision: "reject" }), { status: "submitted", adjudication: true });
});

test("a change request always returns the item to its author", () => {
  for (const earlierDecisions of [[], ["approve" as const]]) {
    assert.deepEqual(applyReviewPolicy({ approvalsRequired: 2, earlierDecisions, decision: "request_changes" }), {
      status: "changes_requested",
      adjudication: false,
    });
  }
});
