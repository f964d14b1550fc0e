// Agreement statistics between reviewers, pure and deterministic: percent agreement and Cohen's κ on two-category
// decisions, Krippendorff's α with the ordinal metric on rubric scores (any number of reviewers per item, missing
// values allowed), and percentile bootstrap confidence intervals over items from a seeded generator.
// Figures from fewer than MIN_ITEMS items are not given as numbers: they say so.

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
  // Coincidence matrix: each ordered pair of values within a unit, weighted 1 / (m_u − 1).
  const coincidences = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const values of pairable) {
    const weight = 1 / (values.length - 1);
    values.forEach((first, i) =>
      values.forEach((second, j) => {
        if (i !== j) coincidences[index.get(first)!]![index.get(second)!]! += weight;
      }),
    );
  }
  const marginals = coincidences.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const total = marginals.reduce((sum, count) => sum + count, 0);
  // Ordinal distance: (Σ_{g=c..k} n_g − (n_c + n_k) / 2)².
  const distance = (c: number, k: number) => {
    const [low, high] = c <= k ? [c, k] : [k, c];
    let between = 0;
    for (let g = low; g <= high; g++) between += marginals[g]!;
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const delta = distance(c, k);
      observed += coincidences[c]![k]! * delta;
      expected += marginals[c]! * marginals[k]! * delta;
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

/** Mulberry32: a small seeded generator, so the same data always give the same intervals. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
