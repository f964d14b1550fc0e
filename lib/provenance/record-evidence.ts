// Stores the writing counters that arrive with a save, a submission or a reviewer's edit, after checking them
// (check-evidence.ts). Runs inside the caller's transaction, which already holds the item row, so one writer's saves
// are checked in turn. Telemetry never fails the write it travels with.
import { currentTime } from "@/lib/clock";
import { Prisma, type WritingEvidence } from "@/lib/generated/prisma/client";
import { emptyCounters } from "@/lib/provenance/field-counters";
import { checkEvidence, evidenceFlags, evidenceTotals, type FieldTexts } from "@/lib/provenance/check-evidence";
import type { EvidenceFields, EvidenceThresholds, WritingEvidenceInput } from "@/lib/provenance/schemas";
export { thresholdsOf } from "@/lib/provenance/evidence-thresholds";

const NO_COUNTERS: EvidenceFields = { instruction: emptyCounters(), context: emptyCounters(), response: emptyCounters() };
/** A record keeps at most this many reasons (the first found). */
const MAX_REASONS = 20;

/** The text fields of an item or an edit, as the counters measure them. */
export function textsOf(item: { instruction: string; context: string | null; response: string }): FieldTexts {
  return { instruction: item.instruction, context: item.context ?? "", response: item.response };
}

function countersData(fields: EvidenceFields) {
  const totals = evidenceTotals(fields);
  return {
    fields: fields as unknown as Prisma.InputJsonValue,
    typedChars: totals.typed,
    pastedChars: totals.pasted,
    insertedChars: totals.inserted,
  };
}

const mergeReasons = (earlier: string[], found: string[]) => [...new Set([...earlier, ...found])].slice(0, MAX_REASONS);

/** The writer's running record of a draft, as a save checks the next counters against it. */
export interface RunningEvidence {
  id: string;
  fields: EvidenceFields;
  reasons: string[];
  checkedAt: Date;
}

interface DraftEvidenceArgs {
  itemId: string;
  userId: string;
  input: WritingEvidenceInput;
  before: FieldTexts;
  after: FieldTexts;
  startedAt: Date;
}

/**
 * The author's save: the running record of the draft becomes these counters, checked against the last accepted ones
 * and the text's growth in this save. Once implausible, a record stays so (a later honest save does not launder it).
 */
function nextDraftEvidence(running: RunningEvidence | null, args: DraftEvidenceArgs) {
  const now = currentTime();
  const check = checkEvidence({
    input: args.input,
    previous: running?.fields ?? null,
    before: args.before,
    after: args.after,
    elapsedMs: now.getTime() - (running?.checkedAt ?? args.startedAt).getTime(),
  });
  const reasons = mergeReasons(running?.reasons ?? [], check.reasons);
  return { ...countersData(check.fields), implausible: reasons.length > 0, reasons, checkedAt: now };
}

export async function recordDraftEvidence(tx: Prisma.TransactionClient, args: DraftEvidenceArgs): Promise<WritingEvidence> {
  const stored = await tx.writingEvidence.findFirst({ where: { itemId: args.itemId, userId: args.userId, kind: "writing", revisionId: null } });
  const running = stored ? { ...stored, fields: stored.fields as unknown as EvidenceFields } : null;
  const data = nextDraftEvidence(running, args);
  if (stored) return tx.writingEvidence.update({ where: { id: stored.id }, data });
  return tx.writingEvidence.create({ data: { ...data, itemId: args.itemId, userId: args.userId, kind: "writing", flags: [] } });
}

/** What draftEvidenceWrite's statement returns. */
export interface EvidenceRow {
  fields: Prisma.JsonValue;
  implausible: boolean;
  reasons: string[];
  flags: string[];
  note: string | null;
  checked_at: Date;
}

/**
 * recordDraftEvidence as one statement, for a save that read the running record already (in its UPDATE of the item,
 * write-current-draft.ts): it returns what toEvidenceView shows.
 */
export function draftEvidenceWrite(running: RunningEvidence | null, args: DraftEvidenceArgs): Prisma.Sql {
  const next = nextDraftEvidence(running, args);
  const values = Prisma.sql`${JSON.stringify(next.fields)}::jsonb, ${next.typedChars}::int, ${next.pastedChars}::int,
    ${next.insertedChars}::int, ${next.implausible}, ${next.reasons}::text[], ${next.checkedAt}::timestamptz`;
  const shown = Prisma.sql`RETURNING fields, implausible, reasons, flags, note, checked_at`;
  return running
    ? Prisma.sql`UPDATE writing_evidence SET (fields, typed_chars, pasted_chars, inserted_chars, implausible, reasons, checked_at)
                     = (${values}) WHERE id = ${running.id}::uuid ${shown}`
    : Prisma.sql`INSERT INTO writing_evidence (id, item_id, user_id, kind, fields, typed_chars, pasted_chars, inserted_chars,
                                                 implausible, reasons, checked_at, flags, created_at)
                    VALUES (gen_random_uuid(), ${args.itemId}::uuid, ${args.userId}::uuid, 'writing', ${values}, '{}',
                            ${next.checkedAt}::timestamptz) ${shown}`;
}

/** The submission: the draft's running record is frozen with the revision, with the flags it raises and the note. */
export async function freezeSubmissionEvidence(
  tx: Prisma.TransactionClient,
  args: { itemId: string; userId: string; revisionId: string; note: string | null; thresholds: EvidenceThresholds },
): Promise<WritingEvidence | null> {
  const running = await tx.writingEvidence.findFirst({ where: { itemId: args.itemId, userId: args.userId, kind: "writing", revisionId: null } });
  // Text written elsewhere (the API without counters) has no record; a note alone is still kept for the reviewers.
  if (!running && !args.note) return null;
  const fields = running ? (running.fields as unknown as EvidenceFields) : NO_COUNTERS;
  return tx.writingEvidence.create({
    data: {
      ...countersData(fields),
      itemId: args.itemId,
      userId: args.userId,
      kind: "writing",
      revisionId: args.revisionId,
      implausible: running?.implausible ?? false,
      reasons: running?.reasons ?? [],
      flags: running ? evidenceFlags(fields, args.thresholds) : [],
      note: args.note,
      checkedAt: running?.checkedAt ?? currentTime(),
    },
  });
}

/** A reviewer's edit: its own counters (from the moment the lease began), checked and frozen with the edit's revision. */
export async function recordEditEvidence(
  tx: Prisma.TransactionClient,
  args: {
    itemId: string;
    userId: string;
    revisionId: string;
    input: WritingEvidenceInput;
    before: FieldTexts;
    after: FieldTexts;
    startedAt: Date;
    thresholds: EvidenceThresholds;
  },
): Promise<WritingEvidence> {
  const now = currentTime();
  const check = checkEvidence({ input: args.input, previous: null, before: args.before, after: args.after, elapsedMs: now.getTime() - args.startedAt.getTime() });
  return tx.writingEvidence.create({
    data: {
      ...countersData(check.fields),
      itemId: args.itemId,
      userId: args.userId,
      kind: "reviewing",
      revisionId: args.revisionId,
      implausible: check.reasons.length > 0,
      reasons: check.reasons.slice(0, MAX_REASONS),
      flags: evidenceFlags(check.fields, args.thresholds),
      checkedAt: now,
    },
  });
}
