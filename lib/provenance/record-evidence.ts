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

/** A writer's counters as a record keeps them, between the checks of two saves. */
interface CountersRecord {
  fields: EvidenceFields;
  implausible: boolean;
  reasons: string[];
  checkedAt: Date;
}

/** The writer's running record of a draft, as a save checks the next counters against it. */
export interface RunningEvidence extends CountersRecord {
  id: string;
}

/** The writer's running record as writerRunningEvidenceColumn returns it (a JSON object inside a row). */
export interface RunningEvidenceJson {
  id: string;
  fields: EvidenceFields;
  implausible: boolean;
  reasons: string[];
  checked_at: string;
}

/**
 * A column `writer_running_evidence` for a statement over the item `i`: that writer's running record of the item, as a
 * save or a submission checks the next counters against it, or null when they have none yet.
 */
export function writerRunningEvidenceColumn(writerId: string): Prisma.Sql {
  return Prisma.sql`(SELECT json_build_object('id', e.id, 'fields', e.fields, 'implausible', e.implausible, 'reasons', e.reasons,
                                              'checked_at', e.checked_at)
                       FROM writing_evidence e
                      WHERE e.item_id = i.id AND e.user_id = ${writerId}::uuid AND e.kind = 'writing' AND e.revision_id IS NULL
                      LIMIT 1) AS writer_running_evidence`;
}

export function runningEvidenceOf(json: RunningEvidenceJson | null | undefined): RunningEvidence | null {
  return json ? { ...json, checkedAt: new Date(json.checked_at) } : null;
}

/** A record's columns (the totals beside the fields). */
function recordColumns(record: CountersRecord) {
  return { ...countersData(record.fields), implausible: record.implausible, reasons: record.reasons, checkedAt: record.checkedAt };
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
function nextDraftEvidence(running: CountersRecord | null, args: DraftEvidenceArgs): CountersRecord {
  const now = currentTime();
  const check = checkEvidence({
    input: args.input,
    previous: running?.fields ?? null,
    before: args.before,
    after: args.after,
    elapsedMs: now.getTime() - (running?.checkedAt ?? args.startedAt).getTime(),
  });
  const reasons = mergeReasons(running?.reasons ?? [], check.reasons);
  return { fields: check.fields, implausible: reasons.length > 0, reasons, checkedAt: now };
}

export async function recordDraftEvidence(tx: Prisma.TransactionClient, args: DraftEvidenceArgs): Promise<WritingEvidence> {
  const stored = await tx.writingEvidence.findFirst({ where: { itemId: args.itemId, userId: args.userId, kind: "writing", revisionId: null } });
  const running = stored ? { ...stored, fields: stored.fields as unknown as EvidenceFields } : null;
  const data = recordColumns(nextDraftEvidence(running, args));
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

const ALWAYS = Prisma.sql`TRUE`;

/** The statement that makes `next` the writer's running record, in place of `running`; only when `onlyIf` holds. */
function runningRecordWrite(running: RunningEvidence | null, next: CountersRecord, args: { itemId: string; userId: string }, onlyIf: Prisma.Sql): Prisma.Sql {
  const columns = recordColumns(next);
  const values = Prisma.sql`${JSON.stringify(columns.fields)}::jsonb, ${columns.typedChars}::int, ${columns.pastedChars}::int,
    ${columns.insertedChars}::int, ${columns.implausible}, ${columns.reasons}::text[], ${columns.checkedAt}::timestamptz`;
  const shown = Prisma.sql`RETURNING fields, implausible, reasons, flags, note, checked_at`;
  return running
    ? Prisma.sql`UPDATE writing_evidence SET (fields, typed_chars, pasted_chars, inserted_chars, implausible, reasons, checked_at)
                     = (${values}) WHERE id = ${running.id}::uuid AND ${onlyIf} ${shown}`
    : Prisma.sql`INSERT INTO writing_evidence (id, item_id, user_id, kind, fields, typed_chars, pasted_chars, inserted_chars,
                                                 implausible, reasons, checked_at, flags, created_at)
                  SELECT gen_random_uuid(), ${args.itemId}::uuid, ${args.userId}::uuid, 'writing', ${values}, '{}',
                         ${columns.checkedAt}::timestamptz WHERE ${onlyIf} ${shown}`;
}

/**
 * recordDraftEvidence as one statement, for a save that read the running record already (in its UPDATE of the item,
 * write-current-draft.ts): it returns what toEvidenceView shows.
 */
export function draftEvidenceWrite(running: RunningEvidence | null, args: DraftEvidenceArgs): Prisma.Sql {
  return runningRecordWrite(running, nextDraftEvidence(running, args), args, ALWAYS);
}

/**
 * The submission's statements for the writer's counters, for a submission that read the running record already
 * (write-submission.ts). Counters sent with it replace the running record, as a save's would; then the record is frozen
 * with the revision, with the flags it raises and the writer's note. Text written elsewhere (the API without counters)
 * has no record: a note alone is still kept for the reviewers. Each statement writes only when `onlyIf` holds.
 */
export function submissionEvidenceWrites(
  running: RunningEvidence | null,
  args: {
    itemId: string;
    userId: string;
    input: WritingEvidenceInput | undefined;
    texts: FieldTexts;
    startedAt: Date;
    revisionId: string;
    note: string | null;
    thresholds: EvidenceThresholds;
  },
  onlyIf: Prisma.Sql,
): Prisma.Sql[] {
  const statements: Prisma.Sql[] = [];
  let frozen: CountersRecord | null = running;
  if (args.input) {
    // The text does not change at submission: the counters may only add what was not saved yet (nothing).
    frozen = nextDraftEvidence(running, { ...args, input: args.input, before: args.texts, after: args.texts });
    statements.push(runningRecordWrite(running, frozen, args, onlyIf));
  }
  if (!frozen && !args.note) return statements;
  const columns = recordColumns(frozen ?? { fields: NO_COUNTERS, implausible: false, reasons: [], checkedAt: currentTime() });
  const flags = frozen ? evidenceFlags(frozen.fields, args.thresholds) : [];
  statements.push(Prisma.sql`
    INSERT INTO writing_evidence (id, item_id, user_id, kind, revision_id, fields, typed_chars, pasted_chars, inserted_chars,
                                  implausible, reasons, flags, note, checked_at, created_at)
    SELECT gen_random_uuid(), ${args.itemId}::uuid, ${args.userId}::uuid, 'writing', ${args.revisionId}::uuid,
           ${JSON.stringify(columns.fields)}::jsonb, ${columns.typedChars}::int, ${columns.pastedChars}::int,
           ${columns.insertedChars}::int, ${columns.implausible}, ${columns.reasons}::text[], ${flags}::text[], ${args.note},
           ${columns.checkedAt}::timestamptz, now()
     WHERE ${onlyIf}`);
  return statements;
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
