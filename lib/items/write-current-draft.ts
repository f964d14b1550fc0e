// The common save in one statement: a conditional UPDATE … WHERE id AND version … RETURNING that writes the text only
// when the item is still at the version the writer read, theirs, editable, in one of their languages and keeps its
// language, category and variety, and returns the whole item view with the text it replaced (for the writing counters).
// When any condition fails it writes nothing and returns null: update-draft.ts then reads the item and either
// explains the refusal (assertAuthorCanEdit, stale version) or takes the slow way for a change of writing target.
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { Prisma } from "@/lib/generated/prisma/client";
import type { updateDraftInputSchema } from "@/lib/items/schemas";
import { itemViewColumns, itemViewFromRow, type ItemViewRow } from "@/lib/items/item-view-sql";
import type { ItemView } from "@/lib/items/schemas";
import type { FieldTexts } from "@/lib/provenance/check-evidence";
import { runningEvidenceOf, writerRunningEvidenceColumn, type RunningEvidence, type RunningEvidenceJson } from "@/lib/provenance/record-evidence";
import type { z } from "zod";

type DraftChanges = Omit<z.output<typeof updateDraftInputSchema>, "version" | "activeSeconds" | "evidence">;

/** Item columns a save may write, by input field. */
const COLUMNS: Record<Exclude<keyof DraftChanges, "language" | "category" | "variety">, string> = {
  instruction: "instruction",
  context: "context",
  response: "response",
  sourceUrl: "source_url",
  sourceLicense: "source_license",
  languageJustification: "language_justification",
  piiDeclaredFictional: "pii_declared_fictional",
};

export interface WrittenRow extends ItemViewRow {
  before_instruction: string;
  before_context: string | null;
  before_response: string;
  writer_running_evidence?: RunningEvidenceJson | null;
}

export interface WrittenDraft {
  view: ItemView;
  before: FieldTexts;
  createdAt: Date;
  /** Only when asked for (`runningEvidenceOf`), and null when the writer has no running record yet. */
  runningEvidence: RunningEvidence | null;
}

/**
 * The save's conditional UPDATE … RETURNING (see the top of this file). `runningEvidenceOf`: the statement also returns
 * that writer's running writing counters (their record with its id, as it stood before this save), which the save then
 * checks and replaces in the same transaction: the item row this statement locks keeps that writer's saves in turn.
 */
export function currentDraftUpdate(
  viewer: Viewer,
  itemId: string,
  version: number,
  changes: DraftChanges,
  options: { runningEvidenceOf?: string } = {},
): Prisma.Sql {
  const assignments: Prisma.Sql[] = [];
  for (const [field, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const value = changes[field];
    if (value === undefined) continue;
    // Empty source fields are stored as absent, as the slow way does.
    const stored = (field === "sourceUrl" || field === "sourceLicense") && !value ? null : value;
    assignments.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${stored}`);
  }
  const now = currentTime();
  // Mirrors assertAuthorCanEdit as a filter only: a row it leaves out goes the slow way, where that function decides.
  const conditions = [
    Prisma.sql`i.id = ${itemId}::uuid`,
    Prisma.sql`i.version = ${version}`,
    Prisma.sql`i.author_id = ${viewer.id}::uuid`,
    Prisma.sql`i.status IN ('draft', 'changes_requested')`,
  ];
  if (viewer.role !== "maintainer") conditions.push(Prisma.sql`i.language::text = ANY(${viewer.languages}::text[])`);
  if (changes.language !== undefined) conditions.push(Prisma.sql`i.language::text = ${changes.language}`);
  if (changes.category !== undefined) conditions.push(Prisma.sql`i.category::text = ${changes.category}`);
  if (changes.variety !== undefined) conditions.push(Prisma.sql`i.variety IS NOT DISTINCT FROM ${changes.variety}`);
  // Only saves, which bump the version this statement names, write a running record: when the write succeeds, the
  // record read in this statement's snapshot is the one the previous save left.
  const runningEvidence = options.runningEvidenceOf
    ? Prisma.sql`, ${writerRunningEvidenceColumn(options.runningEvidenceOf)}`
    : Prisma.empty;

  // The replaced text comes from the statement's snapshot: when the write succeeds no other write came between,
  // since every write of the text bumps the version the condition names.
  return Prisma.sql`
    UPDATE items i SET ${Prisma.join([...assignments, Prisma.sql`version = i.version + 1`, Prisma.sql`updated_at = ${now}`], ", ")}
      FROM (SELECT instruction, context, response FROM items WHERE id = ${itemId}::uuid) b
     WHERE ${Prisma.join(conditions, " AND ")}
    RETURNING ${itemViewColumns()},
              b.instruction AS before_instruction, b.context AS before_context, b.response AS before_response${runningEvidence}`;
}

/** What the statement of currentDraftUpdate returned, or null when it wrote nothing. */
export function writtenDraftOf(row: WrittenRow | undefined): WrittenDraft | null {
  if (!row) return null;
  return {
    before: { instruction: row.before_instruction, context: row.before_context ?? "", response: row.before_response },
    createdAt: new Date(row.created_at),
    view: itemViewFromRow(row),
    runningEvidence: runningEvidenceOf(row.writer_running_evidence),
  };
}
