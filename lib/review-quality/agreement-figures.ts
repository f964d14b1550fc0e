// Turns decided units into the figures of the review-quality pages: agreement on approve versus not between every
// two reviewers of an item, Krippendorff's α per rubric criterion, per group of items, each with its interval.
import { cohensKappa, figureOf, krippendorffAlphaOrdinal, MIN_ITEMS, percentAgreement } from "@/lib/review-quality/agreement";
import type { ReviewUnit } from "@/lib/review-quality/load-review-decisions";
import type { AgreementFigures } from "@/lib/review-quality/schemas";
import { RUBRIC, type RubricCriterion } from "@/lib/reviews/schemas";

/** Pairs of decisions within one unit: every two of its reviewers, earlier first; only those involving `focus` if given. */
function pairsOf(unit: ReviewUnit, focus?: readonly string[]): [boolean, boolean][] {
  const pairs: [boolean, boolean][] = [];
  unit.decisions.forEach((first, i) =>
    unit.decisions.slice(i + 1).forEach((second) => {
      if (!focus || focus.every((id) => id === first.reviewerId || id === second.reviewerId)) {
        pairs.push([first.approve, second.approve]);
      }
    }),
  );
  return pairs;
}

export function agreementFigures(key: string, label: string, units: readonly ReviewUnit[], focus?: readonly string[]): AgreementFigures {
  const pairs = units.map((unit) => pairsOf(unit, focus));
  const alpha = Object.fromEntries(
    RUBRIC.map((criterion, position) => [
      criterion,
      figureOf(units, (sample) => krippendorffAlphaOrdinal(sample.map((unit) => unit.decisions.map((decision) => decision.scores[position]!)))),
    ]),
  ) as Record<RubricCriterion, AgreementFigures["kappa"]>;
  return {
    key,
    label,
    items: units.length,
    percentAgreement: figureOf(pairs, (sample) => percentAgreement(sample.flat())),
    kappa: figureOf(pairs, (sample) => cohensKappa(sample.flat())),
    alpha,
  };
}

/** Groups units by a key, in the keys' sorted order. */
export function groupUnits(units: readonly ReviewUnit[], keysOf: (unit: ReviewUnit) => string[]): [string, ReviewUnit[]][] {
  const groups = new Map<string, ReviewUnit[]>();
  for (const unit of units) for (const key of keysOf(unit)) groups.set(key, [...(groups.get(key) ?? []), unit]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Reviewer pairs with at least MIN_ITEMS items in common, as "idA|idB" with idA < idB. */
export function pairKeys(unit: ReviewUnit): string[] {
  const ids = [...new Set(unit.decisions.map((decision) => decision.reviewerId))].sort();
  return ids.flatMap((first, i) => ids.slice(i + 1).map((second) => `${first}|${second}`));
}

export const enoughOverlap = (units: readonly ReviewUnit[]) => units.length >= MIN_ITEMS;

/** The month (UTC, YYYY-MM) of a unit's latest decision. */
export function monthOf(unit: ReviewUnit): string {
  return unit.decisions.at(-1)!.at.toISOString().slice(0, 7);
}
