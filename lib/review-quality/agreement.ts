// Agreement statistics between reviewers, pure and deterministic: percent agreement and Cohen's κ on two-category
// decisions, Krippendorff's α with the ordinal metric on rubric scores (any number of reviewers per item, missing
// values allowed), and percentile bootstrap confidence intervals over items from a seeded generator.
// Figures from fewer than MIN_ITEMS items are not given as numbers: they say so.
import { seededRandom } from "@/lib/seeded-random";

/** Fewer items than this behind a figure, and the figure is "too few items" instead of a number. */
export const MIN_ITEMS = 10;
/** Bootstrap resamples per confidence interval, and the interval's coverage. */
export const BOOTSTRAP_RESAMPLES = 1000;
export const CONFIDENCE = 0.95;

export type FigureNote = "ok" | "too_few_items" | "no_variation";

/** One figure as reported: the estimate with its 95 % interval, the number of items behind it, or why there is none. */
export interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  items: number;
  note: FigureNote;
}

/** Share of pairs whose two decisions agree; null without pairs. */
export function percentAgreement(pairs: readonly (readonly [boolean, boolean])[]): number | null {
  if (pairs.length === 0) return null;
  return pairs.filter(([first, second]) => first === second).length / pairs.length;
}

/**
 * Cohen's κ for two raters over two categories, (p_o − p_e) / (1 − p_e). Null when chance agreement is already
 * certain (p_e = 1: both raters used one and the same category throughout), where κ is undefined.
 */
export function cohensKappa(pairs: readonly (readonly [boolean, boolean])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const observed = percentAgreement(pairs)!;
  const firstYes = pairs.filter(([first]) => first).length / n;
  const secondYes = pairs.filter(([, second]) => second).length / n;
  const expected = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  if (expected >= 1) return null;
  return (observed - expected) / (1 - expected);
}

/** The coincidences of one unit's values (categories 0…size−1): each ordered pair of values weighted 1 / (m_u − 1). */
export function unitCoincidences(categories: readonly number[], size: number): Float64Array {
  const matrix = new Float64Array(size * size);
  if (categories.length < 2) return matrix;
  const weight = 1 / (categories.length - 1);
  categories.forEach((first, i) =>
    categories.forEach((second, j) => {
      if (i !== j) matrix[first * size + second]! += weight;
    }),
  );
  return matrix;
}

/** Ordinal α from a coincidence matrix (summed over units); null when the pairable values show no variation. */
export function alphaFromCoincidences(coincidences: ArrayLike<number>, size: number): number | null {
  const marginals = Array.from({ length: size }, (_, c) => {
    let sum = 0;
    for (let k = 0; k < size; k++) sum += coincidences[c * size + k]!;
    return sum;
  });
  const total = marginals.reduce((sum, count) => sum + count, 0);
  // Ordinal distance: (Σ_{g=c..k} n_g − (n_c + n_k) / 2)².
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    let between = 0;
    for (let k = c; k < size; k++) {
      between += marginals[k]!;
      const delta = (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
      // The matrix and the distance are symmetric: the pair (k, c) counts the same as (c, k).
      const twice = k === c ? 1 : 2;
      observed += twice * coincidences[c * size + k]! * delta;
      expected += twice * marginals[c]! * marginals[k]! * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/**
 * Krippendorff's α for ordinal values. `units` holds, per item, the values the raters gave (absent raters are simply
 * missing); items with fewer than two values are not pairable and drop out. Null when the pairable values show no
 * variation at all (α is 0/0 there). Krippendorff (2011), "Computing Krippendorff's alpha-reliability".
 */
export function krippendorffAlphaOrdinal(units: readonly (readonly number[])[]): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const categories = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (categories.length < 2) return null;
  const index = new Map(categories.map((value, position) => [value, position]));
  const size = categories.length;
  const summed = new Float64Array(size * size);
  for (const values of pairable) {
    unitCoincidences(values.map((value) => index.get(value)!), size).forEach((cell, position) => (summed[position]! += cell));
  }
  return alphaFromCoincidences(summed, size);
}

/** Value at quantile q of sorted numbers (linear interpolation). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/**
 * A statistic over items with its percentile bootstrap interval: items are resampled with replacement
 * BOOTSTRAP_RESAMPLES times from a generator seeded with `seed`; resamples where the statistic is undefined are left out.
 */
export function figureOf<T>(items: readonly T[], statistic: (sample: readonly T[]) => number | null, seed = 13): Figure {
  const count = items.length;
  if (count < MIN_ITEMS) return { value: null, low: null, high: null, items: count, note: "too_few_items" };
  const value = statistic(items);
  if (value === null) return { value: null, low: null, high: null, items: count, note: "no_variation" };
  const random = seededRandom(seed);
  const estimates: number[] = [];
  for (let resample = 0; resample < BOOTSTRAP_RESAMPLES; resample++) {
    const sample = Array.from({ length: count }, () => items[Math.floor(random() * count)]!);
    const estimate = statistic(sample);
    if (estimate !== null) estimates.push(estimate);
  }
  return withInterval(value, estimates, count);
}

/** A per-item vector keeping only its non-zero cells: items touch few cells of a coincidence matrix. */
export interface SparseVector {
  positions: number[];
  values: number[];
}

export function sparseVector(dense: ArrayLike<number>): SparseVector {
  const vector: SparseVector = { positions: [], values: [] };
  for (let position = 0; position < dense.length; position++) {
    if (dense[position] !== 0) {
      vector.positions.push(position);
      vector.values.push(dense[position]!);
    }
  }
  return vector;
}

/**
 * Figures for statistics that depend on the items only through the sum of per-item vectors (counts, coincidence
 * matrices), all from one bootstrap: each resample draws items with replacement from a generator seeded with `seed`
 * and adds up their vectors, so the cost is B × (non-zero cells drawn) rather than B full recomputations.
 */
export function figuresOfSums<K extends string>(
  vectors: readonly SparseVector[],
  width: number,
  statistics: Record<K, (sum: Float64Array) => number | null>,
  seed = 13,
): Record<K, Figure> {
  const count = vectors.length;
  const names = Object.keys(statistics) as K[];
  const figures = {} as Record<K, Figure>;
  if (count < MIN_ITEMS) {
    for (const name of names) figures[name] = { value: null, low: null, high: null, items: count, note: "too_few_items" };
    return figures;
  }
  const sumOf = (pick: (drawn: number) => number) => {
    const sum = new Float64Array(width);
    for (let drawn = 0; drawn < count; drawn++) {
      const { positions, values } = vectors[pick(drawn)]!;
      for (let cell = 0; cell < positions.length; cell++) sum[positions[cell]!]! += values[cell]!;
    }
    return sum;
  };
  const whole = sumOf((drawn) => drawn);
  const values = names.map((name) => statistics[name](whole));
  const estimates = names.map((): number[] => []);
  const random = seededRandom(seed);
  for (let resample = 0; resample < BOOTSTRAP_RESAMPLES; resample++) {
    const sum = sumOf(() => Math.floor(random() * count));
    names.forEach((name, index) => {
      if (values[index] === null) return;
      const estimate = statistics[name](sum);
      if (estimate !== null) estimates[index]!.push(estimate);
    });
  }
  names.forEach((name, index) => {
    const value = values[index];
    figures[name] =
      value === null || value === undefined
        ? { value: null, low: null, high: null, items: count, note: "no_variation" }
        : withInterval(value, estimates[index]!, count);
  });
  return figures;
}

function withInterval(value: number, estimates: number[], count: number): Figure {
  estimates.sort((a, b) => a - b);
  const tail = (1 - CONFIDENCE) / 2;
  return {
    value,
    low: estimates.length ? quantile(estimates, tail) : null,
    high: estimates.length ? quantile(estimates, 1 - tail) : null,
    items: count,
    note: "ok",
  };
}

