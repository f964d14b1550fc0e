// The maintainers' review-quality report: agreement overall, per language, reviewer, reviewer pair with enough overlap,
// guideline version and month; each reviewer's first-round approval rate; gold accuracy.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { figureOf, MIN_ITEMS } from "@/lib/review-quality/agreement";
import { agreementFigures, enoughOverlap, groupUnits, monthOf, pairKeys } from "@/lib/review-quality/agreement-figures";
import { loadReviewDecisions, type GoldAnswer } from "@/lib/review-quality/load-review-decisions";
import { agreementQuerySchema, type AgreementReport } from "@/lib/review-quality/schemas";

const share = (sample: readonly boolean[]) => (sample.length ? sample.filter(Boolean).length / sample.length : null);

/** Gold accuracy per reviewer, language and guideline version. */
export function goldAccuracy(answers: readonly GoldAnswer[], names: Map<string, string>): AgreementReport["gold"] {
  const groups = new Map<string, GoldAnswer[]>();
  for (const answer of answers) {
    const key = `${answer.reviewerId}|${answer.language}|${answer.guidelineVersion ?? ""}`;
    groups.set(key, [...(groups.get(key) ?? []), answer]);
  }
  return [...groups.values()]
    .map((group) => ({
      reviewerId: group[0]!.reviewerId,
      name: names.get(group[0]!.reviewerId) ?? "",
      language: group[0]!.language,
      guidelineVersion: group[0]!.guidelineVersion,
      answered: group.length,
      matched: group.filter((answer) => answer.matched).length,
      accuracy: figureOf(group.map((answer) => answer.matched), share),
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language) || (a.guidelineVersion ?? 0) - (b.guidelineVersion ?? 0));
}

export async function agreementReport(viewer: Viewer, input: z.input<typeof agreementQuerySchema> = {}): Promise<AgreementReport> {
  assertRole(viewer, "maintainer");
  const query = agreementQuerySchema.parse(input);
  const { units, firstRound, gold, names } = await loadReviewDecisions(query);
  const nameOf = (id: string) => names.get(id) ?? id;
  const reviewers = groupUnits(units, (unit) => [...new Set(unit.decisions.map((decision) => decision.reviewerId))]);
  const firstRoundBy = new Map<string, boolean[]>();
  for (const review of firstRound) firstRoundBy.set(review.reviewerId, [...(firstRoundBy.get(review.reviewerId) ?? []), review.approve]);
  return {
    minItems: MIN_ITEMS,
    overall: agreementFigures("all", "", units),
    byLanguage: groupUnits(units, (unit) => [unit.language]).map(([language, group]) => agreementFigures(language, language, group)),
    byReviewer: reviewers
      .map(([id, group]) => agreementFigures(id, nameOf(id), group, [id]))
      .sort((a, b) => a.label.localeCompare(b.label)),
    byPair: groupUnits(units, pairKeys)
      .filter(([, group]) => enoughOverlap(group))
      .map(([key, group]) => {
        const ids = key.split("|");
        return agreementFigures(key, ids.map(nameOf).join(" · "), group, ids);
      }),
    byGuideline: groupUnits(units, (unit) => [`${unit.language} v${unit.guidelineVersion ?? "?"}`]).map(([key, group]) =>
      agreementFigures(key, key, group),
    ),
    byMonth: groupUnits(units, (unit) => [monthOf(unit)]).map(([month, group]) => agreementFigures(month, month, group)),
    firstPassApproval: [...firstRoundBy.entries()]
      .map(([reviewerId, decisions]) => ({ reviewerId, name: nameOf(reviewerId), rate: figureOf(decisions, share) }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    gold: goldAccuracy(gold, names),
  };
}
