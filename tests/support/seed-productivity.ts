// Productivity facts at exact instants (submissions, round outcomes, reviews, active time, earnings), for report tests
// that need a period's edges; the app writes the same rows through submitItem, decideReview and the heartbeats.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { TestUser } from "@/tests/support/seed-users";

export interface SeededItem {
  itemId: string;
  revisionId: string;
}

/** An item and its first submission revision, submitted at `at`. */
export async function submittedItem(author: TestUser, campaignId: string, at: string): Promise<SeededItem> {
  const itemId = randomUUID();
  const revisionId = randomUUID();
  await db().item.create({
    data: { id: itemId, campaignId, authorId: author.id, language: "es", category: "open_qa", status: "submitted", reviewRound: 1, submittedAt: new Date(at) },
  });
  await db().itemRevision.create({
    data: { id: revisionId, itemId, number: 1, kind: "submission", authorId: author.id, category: "open_qa", instruction: "¿Qué?", response: "Esto.", createdAt: new Date(at) },
  });
  return { itemId, revisionId };
}

export async function outcome(item: { itemId: string }, author: TestUser, campaignId: string, round: number, result: "approved" | "changes_requested" | "rejected", at: string) {
  await db().reviewOutcome.create({ data: { itemId: item.itemId, round, authorId: author.id, campaignId, outcome: result, decidedAt: new Date(at) } });
}

export async function earning(user: TestUser, kind: "item" | "review", item: { itemId: string }, campaignId: string, amount: string, at: string) {
  await db().earning.create({
    data: { userId: user.id, kind, subjectId: kind === "item" ? item.itemId : randomUUID(), itemId: item.itemId, campaignId, earnedAt: new Date(at), amount, currency: "EUR" },
  });
}

export async function activeTime(user: TestUser, kind: "writing" | "reviewing", item: { itemId: string }, hour: string, seconds: number) {
  await db().activeTime.create({ data: { userId: user.id, kind, itemId: item.itemId, hour: new Date(hour), activeSeconds: seconds } });
}

export async function review(reviewer: TestUser, item: { itemId: string; revisionId: string }, round: number, decision: "approve" | "request_changes" | "reject", at: string) {
  await db().review.create({
    data: {
      itemId: item.itemId,
      revisionId: item.revisionId,
      reviewerId: reviewer.id,
      round,
      decision,
      scoreInstruction: 5,
      scoreCorrectness: 5,
      scoreFluency: 5,
      scoreSafety: 5,
      scoreGuidelines: 5,
      createdAt: new Date(at),
    },
  });
}

