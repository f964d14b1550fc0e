// Agreement statistics against published worked examples and the edge cases a small programme meets.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  cohensKappa,
  figureOf,
  krippendorffAlphaOrdinal,
  MIN_ITEMS,
  percentAgreement,
} from "@/lib/review-quality/agreement";
import { agreementFigures } from "@/lib/review-quality/agreement-figures";
import type { ReviewUnit } from "@/lib/review-quality/load-review-decisions";
import { RUBRIC } from "@/lib/reviews/schemas";

const pairsOf = (counts: { yesYes: number; yesNo: number; noYes: number; noNo: number }) => [
  ...Array.from({ length: counts.yesYes }, () => [true, true] as const),
  ...Array.from({ length: counts.yesNo }, () => [true, false] as const),
  ...Array.from({ length: counts.noYes }, () => [false, true] as const),
  ...Array.from({ length: counts.noNo }, () => [false, false] as const),
];

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four observers, twelve units,
// values 1–5, missing values marked null. Published: α ordinal = 0.815 (nominal 0.743, interval 0.849).
const KRIPPENDORFF_OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const krippendorffUnits = KRIPPENDORFF_OBSERVERS[0]!.map((_, unit) =>
  KRIPPENDORFF_OBSERVERS.map((observer) => observer[unit]).filter((value): value is number => value !== null),
);

describe("Cohen's kappa and percent agreement", () => {
  test("the textbook example: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no gives p_o 0.70, κ 0.40", () => {
    const pairs = pairsOf({ yesYes: 20, yesNo: 5, noYes: 10, noNo: 15 });
    assert.equal(percentAgreement(pairs), 0.7);
    assert.ok(Math.abs(cohensKappa(pairs)! - 0.4) < 1e-12);
  });

  test("raters who agree on everything, with both categories used, have κ 1", () => {
    assert.equal(cohensKappa(pairsOf({ yesYes: 7, yesNo: 0, noYes: 0, noNo: 3 })), 1);
  });

  test("a single category throughout leaves κ undefined (null), while agreement is 100 %", () => {
    const pairs = pairsOf({ yesYes: 12, yesNo: 0, noYes: 0, noNo: 0 });
    assert.equal(percentAgreement(pairs), 1);
    assert.equal(cohensKappa(pairs), null);
  });

  test("agreement no better than chance is κ 0; systematic disagreement is negative", () => {
    assert.equal(cohensKappa(pairsOf({ yesYes: 25, yesNo: 25, noYes: 25, noNo: 25 })), 0);
    assert.equal(cohensKappa(pairsOf({ yesYes: 0, yesNo: 5, noYes: 5, noNo: 0 })), -1);
  });
});

describe("Krippendorff's alpha, ordinal", () => {
  test("Krippendorff's own example with missing values gives the published 0.815", () => {
    assert.equal(Number(krippendorffAlphaOrdinal(krippendorffUnits)!.toFixed(3)), 0.815);
  });

  test("units with a single value are not pairable and do not count", () => {
    const withLoners = [...krippendorffUnits, [5], [1]];
    assert.equal(krippendorffAlphaOrdinal(withLoners), krippendorffAlphaOrdinal(krippendorffUnits));
  });

  test("perfect agreement over varied values is 1; no variation at all is undefined (null)", () => {
    assert.equal(krippendorffAlphaOrdinal([[1, 1], [3, 3, 3], [5, 5], [2, 2]]), 1);
    assert.equal(krippendorffAlphaOrdinal([[4, 4], [4, 4, 4], [4, 4]]), null);
    assert.equal(krippendorffAlphaOrdinal([]), null);
  });

  test("disagreement far apart on the scale weighs more than next to each other", () => {
    const near = krippendorffAlphaOrdinal([[1, 1], [2, 2], [4, 5], [5, 5], [1, 2], [4, 4]])!;
    const far = krippendorffAlphaOrdinal([[1, 1], [2, 2], [1, 5], [5, 5], [1, 2], [4, 4]])!;
    assert.ok(near > far, `${near} > ${far}`);
  });
});

describe("figures with bootstrap intervals", () => {
  const pairs = pairsOf({ yesYes: 20, yesNo: 5, noYes: 10, noNo: 15 });

  test("are deterministic, bracket the estimate, and count their items", () => {
    const first = figureOf(pairs, cohensKappa);
    const second = figureOf(pairs, cohensKappa);
    assert.deepEqual(first, second);
    assert.equal(first.items, 50);
    assert.equal(first.note, "ok");
    assert.ok(first.low! < first.value! && first.value! < first.high!, JSON.stringify(first));
    assert.ok(first.low! > -0.1 && first.high! < 0.8, "a plausible width for 50 items");
  });

  test(`say "too few items" below ${MIN_ITEMS} instead of giving a number`, () => {
    const few = figureOf(pairs.slice(0, MIN_ITEMS - 1), percentAgreement);
    assert.deepEqual(few, { value: null, low: null, high: null, items: MIN_ITEMS - 1, note: "too_few_items" });
    assert.equal(figureOf(pairs.slice(0, MIN_ITEMS), percentAgreement).note, "ok");
  });

  test("say there is no variation when the statistic is undefined", () => {
    const same = pairsOf({ yesYes: 15, yesNo: 0, noYes: 0, noNo: 0 });
    assert.equal(figureOf(same, cohensKappa).note, "no_variation");
  });
});

describe("the figures of a group of reviewed items", () => {
  // Krippendorff's example as reviewed items: observers are reviewers, each value scores every criterion, and a value
  // of 3 or more is an approval.
  const units: ReviewUnit[] = KRIPPENDORFF_OBSERVERS[0]!.map((_, unit) => ({
    itemId: `item-${unit}`,
    round: 1,
    language: "es",
    guidelineVersion: 1,
    decisions: KRIPPENDORFF_OBSERVERS.flatMap((observer, reviewer) => {
      const value = observer[unit];
      return value === null || value === undefined
        ? []
        : [{ reviewerId: `reviewer-${reviewer}`, approve: value >= 3, scores: [value, value, value, value, value], at: new Date(Date.UTC(2026, 10, 1, 0, reviewer)) }];
    }),
  }));

  test("α per criterion is Krippendorff's 0.815, and κ and agreement are those of every two reviewers' decisions", () => {
    const figures = agreementFigures("all", "", units);
    assert.equal(figures.items, 12);
    for (const criterion of RUBRIC) assert.equal(Number(figures.alpha[criterion].value!.toFixed(3)), 0.815);
    const pairs = units.flatMap((unit) =>
      unit.decisions.flatMap((first, i) => unit.decisions.slice(i + 1).map((second) => [first.approve, second.approve] as const)),
    );
    assert.ok(Math.abs(figures.percentAgreement.value! - percentAgreement(pairs)!) < 1e-12);
    assert.ok(Math.abs(figures.kappa.value! - cohensKappa(pairs)!) < 1e-12);
    assert.ok(figures.kappa.low! <= figures.kappa.value! && figures.kappa.value! <= figures.kappa.high!);
    assert.deepEqual(agreementFigures("all", "", units), figures, "deterministic");
  });

  test("one reviewer's figures count only the pairs they are part of", () => {
    const mine = agreementFigures("reviewer-2", "", units, ["reviewer-2"]);
    const pairs = units.flatMap((unit) =>
      unit.decisions.flatMap((first, i) =>
        unit.decisions.slice(i + 1).filter((second) => [first.reviewerId, second.reviewerId].includes("reviewer-2")).map((second) => [first.approve, second.approve] as const),
      ),
    );
    assert.ok(Math.abs(mine.percentAgreement.value! - percentAgreement(pairs)!) < 1e-12);
  });
});
