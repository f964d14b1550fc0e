// Turns decided units into the figures of the review-quality pages: agreement on approve versus not between every
// two reviewers of an item, Krippendorff's α per rubric criterion, per group of items, each with its interval.
import { alphaFromCoincidences, figuresOfSums, MIN_ITEMS, sparseVector, unitCoincidences } from "@/lib/review-quality/agreement";
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

/** Per unit: [agreeing pairs, pairs, first says approve, second says approve]; what percent agreement and κ add up. */
function decisionCounts(pairs: readonly [boolean, boolean][]): number[] {
  return [
    pairs.filter(([first, second]) => first === second).length,
    pairs.length,
    pairs.filter(([first]) => first).length,
    pairs.filter(([, second]) => second).length,
  ];
}

const agreementOf = (sum: Float64Array) => (sum[1]! > 0 ? sum[0]! / sum[1]! : null);

/** Cohen's κ from summed decision counts, as cohensKappa computes it from the pairs themselves. */
function kappaOf(sum: Float64Array): number | null {
  const [agree, pairs, firstYes, secondYes] = sum;
  if (!pairs) return null;
  const first = firstYes! / pairs;
  const second = secondYes! / pairs;
  const expected = first * second + (1 - first) * (1 - second);
  return expected >= 1 ? null : (agree! / pairs - expected) / (1 - expected);
}

const SCALE = 5;
const CELLS = SCALE * SCALE;

export function agreementFigures(key: string, label: string, units: readonly ReviewUnit[], focus?: readonly string[]): AgreementFigures {
  // One vector per unit: the four decision counts, then each criterion's 5 × 5 coincidence matrix.
  const vectors = units.map((unit) => {
    const dense = new Float64Array(4 + RUBRIC.length * CELLS);
    dense.set(decisionCounts(pairsOf(unit, focus)), 0);
    RUBRIC.forEach((_, position) =>
      dense.set(unitCoincidences(unit.decisions.map((decision) => decision.scores[position]! - 1), SCALE), 4 + position * CELLS),
    );
    return sparseVector(dense);
  });
  const criterionAlpha = (position: number) => (sum: Float64Array) =>
    alphaFromCoincidences(sum.subarray(4 + position * CELLS, 4 + (position + 1) * CELLS), SCALE);
  const figures = figuresOfSums(vectors, 4 + RUBRIC.length * CELLS, {
    percentAgreement: agreementOf,
    kappa: kappaOf,
    ...Object.fromEntries(RUBRIC.map((criterion, position) => [criterion, criterionAlpha(position)])),
  } as Record<"percentAgreement" | "kappa" | RubricCriterion, (sum: Float64Array) => number | null>);
  return {
    key,
    label,
    items: units.length,
    percentAgreement: figures.percentAgreement,
    kappa: figures.kappa,
    alpha: Object.fromEntries(RUBRIC.map((criterion) => [criterion, figures[criterion]])) as Record<RubricCriterion, AgreementFigures["kappa"]>,
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
