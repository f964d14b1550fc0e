// The server's plausibility rules and the submission flags: whatever a client sends, the counters are stored clamped
// and marked implausible with reasons, never refused; flags follow the campaign's thresholds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkEvidence, evidenceFlags, MAX_COUNTER } from "@/lib/provenance/check-evidence";
import { emptyCounters } from "@/lib/provenance/field-counters";
import { DEFAULT_EVIDENCE_THRESHOLDS, type EvidenceFields, type FieldCounters } from "@/lib/provenance/schemas";

const texts = (response: string, instruction = "") => ({ instruction, context: "", response });
const counters = (values: Partial<FieldCounters>): FieldCounters => ({ ...emptyCounters(), ...values });
const fields = (response: Partial<FieldCounters>, instruction: Partial<FieldCounters> = {}): EvidenceFields => ({
  instruction: counters(instruction),
  context: emptyCounters(),
  response: counters(response),
});

test("honest counters that account for the text's growth pass", () => {
  const check = checkEvidence({
    input: { response: counters({ typed: 30, pasted: 25, deleted: 5, activeMs: 20_000 }) },
    previous: null,
    before: texts(""),
    after: texts("x".repeat(50)),
    elapsedMs: 30_000,
  });
  assert.deepEqual(check.reasons, []);
  assert.equal(check.fields.response.typed, 30);
});

test("growth is checked per save against the last accepted counters, within a tolerance", () => {
  const previous = fields({ typed: 100 });
  const ok = checkEvidence({ input: { response: counters({ typed: 203 }) }, previous, before: texts("x".repeat(100)), after: texts("x".repeat(200)), elapsedMs: 60_000 });
  assert.deepEqual(ok.reasons, []);
  const off = checkEvidence({ input: { response: counters({ typed: 120 }) }, previous, before: texts("x".repeat(100)), after: texts("x".repeat(600)), elapsedMs: 600_000 });
  assert.deepEqual(off.reasons, ["growth_mismatch:response"]);
});

test("negative, fractional and absurd values are clamped and named", () => {
  const check = checkEvidence({
    input: { response: { ...counters({}), typed: -5, pasted: 2.5, deleted: 1e12, pasteSizes: [-1, 3] } },
    previous: null,
    before: texts(""),
    after: texts(""),
    elapsedMs: 1e12,
  });
  assert.equal(check.fields.response.typed, 0);
  assert.equal(check.fields.response.pasted, 3);
  assert.equal(check.fields.response.deleted, MAX_COUNTER);
  assert.deepEqual(check.fields.response.pasteSizes, [0, 3]);
  for (const reason of ["negative:response.typed", "not_whole_number:response.pasted", "too_large:response.deleted", "negative:response.pasteSizes"]) {
    assert.ok(check.reasons.includes(reason), `${reason} in ${check.reasons.join(", ")}`);
  }
});

test("counters never decrease", () => {
  const check = checkEvidence({
    input: { response: counters({ typed: 10, deleted: 0 }) },
    previous: fields({ typed: 50, deleted: 40 }),
    before: texts("x".repeat(10)),
    after: texts("x".repeat(10)),
    elapsedMs: 10_000,
  });
  assert.ok(check.reasons.includes("decreased:response.typed"));
  assert.ok(check.reasons.includes("decreased:response.deleted"));
});

test("typing is bounded by the wall time since the last save, and so is active time", () => {
  const fast = checkEvidence({ input: { response: counters({ typed: 2000, activeMs: 120_000 }) }, previous: null, before: texts(""), after: texts("x".repeat(2000)), elapsedMs: 10_000 });
  assert.deepEqual(fast.reasons, ["active_time_exceeds:activeMs", "faster_than_time:typed"]);
  const slow = checkEvidence({ input: { response: counters({ typed: 2000, activeMs: 100_000 }) }, previous: null, before: texts(""), after: texts("x".repeat(2000)), elapsedMs: 120_000 });
  assert.deepEqual(slow.reasons, []);
});

test("a field the counters leave out must not have grown", () => {
  const check = checkEvidence({ input: { response: counters({ typed: 5 }) }, previous: null, before: texts("x".repeat(5)), after: texts("x".repeat(5), "y".repeat(300)), elapsedMs: 600_000 });
  assert.deepEqual(check.reasons, ["growth_mismatch:instruction"]);
});

test("flags follow the thresholds: pasted share, inserted without keys, typing rate, insertion after time away", () => {
  assert.deepEqual(evidenceFlags(fields({ typed: 100 }), DEFAULT_EVIDENCE_THRESHOLDS), []);
  assert.deepEqual(evidenceFlags(fields({ typed: 50, pasted: 50 }), DEFAULT_EVIDENCE_THRESHOLDS), ["mostly_pasted"]);
  assert.deepEqual(evidenceFlags(fields({ typed: 51, pasted: 49 }), DEFAULT_EVIDENCE_THRESHOLDS), []);
  assert.deepEqual(evidenceFlags(fields({ typed: 70, dropped: 20, other: 10 }), DEFAULT_EVIDENCE_THRESHOLDS), ["inserted_without_keys"]);
  assert.deepEqual(evidenceFlags(fields({ typed: 100, longestBurstCpm: 900 }), DEFAULT_EVIDENCE_THRESHOLDS), []);
  assert.deepEqual(evidenceFlags(fields({ typed: 100, longestBurstCpm: 901 }), DEFAULT_EVIDENCE_THRESHOLDS), ["typing_too_fast"]);
  assert.deepEqual(evidenceFlags(fields({ typed: 1000 }, { awayInsertions: 1 }), DEFAULT_EVIDENCE_THRESHOLDS), ["insertion_after_away"]);
  const strict = { ...DEFAULT_EVIDENCE_THRESHOLDS, pastedPercent: 10 };
  assert.deepEqual(evidenceFlags(fields({ typed: 85, pasted: 15 }), strict), ["mostly_pasted"]);
  assert.deepEqual(evidenceFlags(fields({}), DEFAULT_EVIDENCE_THRESHOLDS), [], "nothing entered, nothing flagged");
});
