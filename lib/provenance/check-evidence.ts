// What the server makes of the counters a browser reports: whether they could be true (plausibility) and, at
// submission, which flags the campaign's thresholds raise. Pure, so that every rule has a unit test. A failed check
// never refuses a save: the counters are stored clamped and marked implausible, with the reasons.
import {
  EVIDENCE_FIELDS,
  type EvidenceField,
  type EvidenceFields,
  type EvidenceFlag,
  type EvidenceThresholds,
  type FieldCounters,
  type PlausibilityProblem,
  type WritingEvidenceInput,
} from "@/lib/provenance/schemas";
import { emptyCounters, SIZE_LIST_CAP } from "@/lib/provenance/field-counters";

/** More than any text field holds many times over: a counter past it is absurd. */
export const MAX_COUNTER = 10_000_000;
/** The fastest sustained typing the server believes, in characters per second (1,500 per minute). */
export const MAX_TYPED_PER_SECOND = 25;
/** Slack for a save's own round trip and clock steps: characters, and milliseconds of active time. */
const TYPED_SLACK = 100;
const ACTIVE_SLACK_MS = 10_000;
/** Counted growth may differ from the text's growth by this many characters, or this share of it. */
const GROWTH_TOLERANCE_CHARS = 10;
const GROWTH_TOLERANCE_SHARE = 0.05;

const SCALARS = ["typed", "pasted", "dropped", "other", "restored", "deleted", "activeMs", "longestBurstCpm", "awayInsertions"] as const;
/** Counters that only ever grow (the burst is a maximum, so it does too). */
type Scalar = (typeof SCALARS)[number];

export type FieldTexts = Record<EvidenceField, string>;

export interface EvidenceCheck {
  fields: EvidenceFields;
  /** `<problem>:<field>.<counter>` or `<problem>:<field>`, sorted, without repeats. */
  reasons: string[];
}

/** Whole, non-negative and bounded; each repair names its reason. */
function clampCounter(value: number, at: string, reasons: Set<string>): number {
  let clean = value;
  if (!Number.isInteger(clean)) {
    reasons.add(reason("not_whole_number", at));
    clean = Number.isFinite(clean) ? Math.round(clean) : 0;
  }
  if (clean < 0) {
    reasons.add(reason("negative", at));
    clean = 0;
  }
  if (clean > MAX_COUNTER) {
    reasons.add(reason("too_large", at));
    clean = MAX_COUNTER;
  }
  return clean;
}

const reason = (problem: PlausibilityProblem, at: string) => `${problem}:${at}`;

function cleanField(input: WritingEvidenceInput[EvidenceField], field: EvidenceField, reasons: Set<string>): FieldCounters {
  if (!input) return emptyCounters();
  const counters = emptyCounters();
  for (const key of SCALARS) counters[key] = clampCounter(input[key], `${field}.${key}`, reasons);
  for (const key of ["pasteSizes", "dropSizes"] as const) {
    if (input[key].length > SIZE_LIST_CAP) reasons.add(reason("too_large", `${field}.${key}`));
    counters[key] = input[key].slice(-SIZE_LIST_CAP).map((size) => clampCounter(size, `${field}.${key}`, reasons));
  }
  return counters;
}

/** Characters the counters say the field grew by: entered and restored, minus deleted. */
export function countedLength(counters: FieldCounters): number {
  return counters.typed + counters.pasted + counters.dropped + counters.other + counters.restored - counters.deleted;
}

/**
 * Checks one save's counters against the last accepted ones (null: the first record of this writer on this item) and
 * the text before and after the save. `elapsedMs` is the wall time since the last accepted counters (or since the
 * writer started: the draft's creation, the reviewer's lease).
 */
export function checkEvidence(args: {
  input: WritingEvidenceInput;
  previous: EvidenceFields | null;
  before: FieldTexts;
  after: FieldTexts;
  elapsedMs: number;
}): EvidenceCheck {
  const reasons = new Set<string>();
  const fields = Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, cleanField(args.input[field], field, reasons)])) as EvidenceFields;
  let typedDelta = 0;
  let activeDelta = 0;
  for (const field of EVIDENCE_FIELDS) {
    const now = fields[field];
    const then = args.previous?.[field] ?? emptyCounters();
    for (const key of SCALARS) {
      if (now[key] < then[key]) reasons.add(reason("decreased", `${field}.${key}`));
    }
    const counted = countedLength(now) - countedLength(then);
    const grew = args.after[field].length - args.before[field].length;
    if (Math.abs(counted - grew) > Math.max(GROWTH_TOLERANCE_CHARS, Math.abs(grew) * GROWTH_TOLERANCE_SHARE)) {
      reasons.add(reason("growth_mismatch", field));
    }
    typedDelta += Math.max(0, now.typed - then.typed);
    activeDelta += Math.max(0, now.activeMs - then.activeMs);
  }
  const elapsedSeconds = Math.max(0, args.elapsedMs) / 1000;
  if (typedDelta > elapsedSeconds * MAX_TYPED_PER_SECOND + TYPED_SLACK) reasons.add(reason("faster_than_time", "typed"));
  if (activeDelta > Math.max(0, args.elapsedMs) + ACTIVE_SLACK_MS) reasons.add(reason("active_time_exceeds", "activeMs"));
  return { fields, reasons: [...reasons].sort() };
}

export interface EvidenceTotals {
  typed: number;
  pasted: number;
  /** Pasted, dropped or inserted another way without keystrokes. */
  inserted: number;
}

export function evidenceTotals(fields: EvidenceFields): EvidenceTotals {
  const totals = { typed: 0, pasted: 0, inserted: 0 };
  for (const field of EVIDENCE_FIELDS) {
    const counters = fields[field];
    totals.typed += counters.typed;
    totals.pasted += counters.pasted;
    totals.inserted += counters.pasted + counters.dropped + counters.other;
  }
  return totals;
}

/**
 * The flags a submission raises: pasted share, share inserted without keystrokes other than pasting (drop,
 * autocomplete, dictation), the fastest typing burst, and large insertions right after time away. Shares are of the
 * characters entered (typed + inserted); a text with nothing entered raises none.
 */
export function evidenceFlags(fields: EvidenceFields, thresholds: EvidenceThresholds): EvidenceFlag[] {
  const totals = evidenceTotals(fields);
  const entered = totals.typed + totals.inserted;
  const flags: EvidenceFlag[] = [];
  if (entered > 0 && (totals.pasted * 100) / entered >= thresholds.pastedPercent) flags.push("mostly_pasted");
  if (entered > 0 && ((totals.inserted - totals.pasted) * 100) / entered >= thresholds.insertedPercent) flags.push("inserted_without_keys");
  const fastest = Math.max(...EVIDENCE_FIELDS.map((field) => fields[field].longestBurstCpm));
  if (fastest > thresholds.charsPerMinute) flags.push("typing_too_fast");
  const away = EVIDENCE_FIELDS.reduce((sum, field) => sum + fields[field].awayInsertions, 0);
  if (away >= thresholds.awayInsertions) flags.push("insertion_after_away");
  return flags;
}
