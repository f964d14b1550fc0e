// What a review decision does to an item under its campaign's policy; pure, so every case is unit-testable.
import type { ItemStatus, ReviewDecision } from "@/lib/generated/prisma/enums";

export interface PolicyInput {
  approvalsRequired: number;
  /** Decisions already recorded in this round, by other reviewers. */
  earlierDecisions: ReviewDecision[];
  decision: ReviewDecision;
}

export type PolicyOutcome =
  | { status: Extract<ItemStatus, "approved" | "rejected" | "changes_requested">; adjudication: false }
  | { status: "submitted"; adjudication: boolean };

/** Approvals among a round's decisions: what the policy counts, and what reviewers are told. */
export function countApprovals(decisions: readonly ReviewDecision[]): number {
  return decisions.filter((decision) => decision === "approve").length;
}

export function applyReviewPolicy({ approvalsRequired, earlierDecisions, decision }: PolicyInput): PolicyOutcome {
  if (decision === "request_changes") return { status: "changes_requested", adjudication: false };
  const approvals = countApprovals(earlierDecisions);
  if (decision === "reject") {
    // Rejecting what a colleague approved is a disagreement: a maintainer decides, the item leaves the queue.
    return approvals > 0 ? { status: "submitted", adjudication: true } : { status: "rejected", adjudication: false };
  }
  return approvals + 1 >= approvalsRequired
    ? { status: "approved", adjudication: false }
    : { status: "submitted", adjudication: false };
}
