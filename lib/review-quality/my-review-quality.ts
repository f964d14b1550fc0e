// A reviewer's own page: their gold accuracy, their agreement with peers on the same items, and the gold items they
// decided otherwise than expected, with the expected decision and the maintainer's explanation.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { figureOf, MIN_ITEMS } from "@/lib/review-quality/agreement";
import { agreementFigures } from "@/lib/review-quality/agreement-figures";
import { goldAccuracy } from "@/lib/review-quality/agreement-report";
import { loadReviewDecisions } from "@/lib/review-quality/load-review-decisions";
import type { MyReviewQuality } from "@/lib/review-quality/schemas";

export async function myReviewQuality(viewer: Viewer): Promise<MyReviewQuality> {
  assertRole(viewer, "reviewer");
  const { units, gold, names } = await loadReviewDecisions({}, viewer.id);
  const missed = await db().reviewCheck.findMany({
    where: { reviewerId: viewer.id, kind: "gold", matched: false, decidedAt: { not: null } },
    include: { item: { select: { instruction: true, language: true, goldItem: true } }, revision: { select: { instruction: true } } },
    orderBy: { decidedAt: "desc" },
  });
  const matched = gold.filter((answer) => answer.matched).length;
  return {
    minItems: MIN_ITEMS,
    goldAnswered: gold.length,
    goldMatched: matched,
    goldAccuracy: figureOf(gold.map((answer) => answer.matched), (sample) => sample.filter(Boolean).length / sample.length),
    goldByLanguage: goldAccuracy(gold, names),
    agreement: agreementFigures(viewer.id, viewer.name, units, [viewer.id]),
    // An item unmarked since keeps its answer in the figures, but has no expectation left to show.
    missedGold: missed.flatMap((check) =>
      check.item.goldItem
        ? [
            {
              itemId: check.itemId,
              instruction: check.revision.instruction,
              language: check.item.language,
              decision: check.decision!,
              expectedDecision: check.item.goldItem.expectedDecision,
              expectedScoreMin: check.item.goldItem.expectedScoreMin,
              expectedScoreMax: check.item.goldItem.expectedScoreMax,
              explanation: check.item.goldItem.explanation,
              decidedAt: check.decidedAt!.toISOString(),
            },
          ]
        : [],
    ),
  };
}
