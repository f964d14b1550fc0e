// The decisions behind the review-quality figures: every decided round with two reviewers or more (a two-approval
// round, or a round plus its blind second review) as one unit, reviewers' first-round decisions, and gold answers.
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AgreementQuery } from "@/lib/review-quality/schemas";
import type { ItemLanguage, ReviewDecision } from "@/lib/vocabulary";

export interface UnitDecision {
  reviewerId: string;
  approve: boolean;
  /** Rubric scores in the order of RUBRIC. */
  scores: number[];
  at: Date;
}

export interface ReviewUnit {
  itemId: string;
  round: number;
  language: ItemLanguage;
  guidelineVersion: number | null;
  /** Decisions by distinct reviewers, oldest first. */
  decisions: UnitDecision[];
}

export interface GoldAnswer {
  itemId: string;
  reviewerId: string;
  language: ItemLanguage;
  guidelineVersion: number | null;
  decision: ReviewDecision;
  matched: boolean;
  at: Date;
}

export interface ReviewDecisions {
  units: ReviewUnit[];
  firstRound: { reviewerId: string; approve: boolean }[];
  gold: GoldAnswer[];
  names: Map<string, string>;
}

const scoresOf = (row: {
  scoreInstruction: number | null;
  scoreCorrectness: number | null;
  scoreFluency: number | null;
  scoreSafety: number | null;
  scoreGuidelines: number | null;
}) => [row.scoreInstruction!, row.scoreCorrectness!, row.scoreFluency!, row.scoreSafety!, row.scoreGuidelines!];

export async function loadReviewDecisions(query: AgreementQuery, reviewerId?: string): Promise<ReviewDecisions> {
  const itemScope: Prisma.ItemWhereInput = {
    ...(query.campaignId ? { campaignId: query.campaignId } : {}),
    ...(query.language ? { language: query.language } : {}),
  };
  const itemSelect = { language: true, guideline: { select: { version: true } } } as const;
  const [reviews, checks] = await Promise.all([
    db().review.findMany({
      where: { item: itemScope },
      include: { item: { select: itemSelect } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().reviewCheck.findMany({
      where: { item: itemScope, decidedAt: { not: null } },
      include: { item: { select: itemSelect } },
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const units = new Map<string, ReviewUnit>();
  const add = (row: { itemId: string; round: number; item: { language: ItemLanguage; guideline: { version: number } | null } }, decision: UnitDecision) => {
    const key = `${row.itemId}:${row.round}`;
    const unit = units.get(key) ?? {
      itemId: row.itemId,
      round: row.round,
      language: row.item.language,
      guidelineVersion: row.item.guideline?.version ?? null,
      decisions: [],
    };
    if (!unit.decisions.some((earlier) => earlier.reviewerId === decision.reviewerId)) unit.decisions.push(decision);
    units.set(key, unit);
  };
  for (const review of reviews) {
    add(review, { reviewerId: review.reviewerId, approve: review.decision === "approve", scores: scoresOf(review), at: review.createdAt });
  }
  const gold: GoldAnswer[] = [];
  for (const check of checks) {
    if (check.kind === "second_review") {
      add(check, { reviewerId: check.reviewerId, approve: check.decision === "approve", scores: scoresOf(check), at: check.decidedAt! });
    } else {
      gold.push({
        itemId: check.itemId,
        reviewerId: check.reviewerId,
        language: check.item.language,
        guidelineVersion: check.item.guideline?.version ?? null,
        decision: check.decision!,
        matched: check.matched === true,
        at: check.decidedAt!,
      });
    }
  }
  const paired = [...units.values()]
    .filter((unit) => unit.decisions.length >= 2 && (!reviewerId || unit.decisions.some((decision) => decision.reviewerId === reviewerId)))
    .map((unit) => ({ ...unit, decisions: unit.decisions.sort((a, b) => a.at.getTime() - b.at.getTime()) }));
  const people = new Set([...reviews.map((review) => review.reviewerId), ...checks.map((check) => check.reviewerId)]);
  const users = await db().user.findMany({ where: { id: { in: [...people] } }, select: { id: true, name: true } });
  return {
    units: paired,
    firstRound: reviews.filter((review) => review.round === 1).map((review) => ({ reviewerId: review.reviewerId, approve: review.decision === "approve" })),
    gold: reviewerId ? gold.filter((answer) => answer.reviewerId === reviewerId) : gold,
    names: new Map(users.map((user) => [user.id, user.name])),
  };
}
