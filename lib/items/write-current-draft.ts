// The common save in one statement: a conditional UPDATE … WHERE id AND version … RETURNING that writes the text only
// when the item is still at the version the writer read, theirs, editable, in one of their languages and keeps its
// language, category and variety, and returns the whole item view with the text it replaced (for the writing counters).
// When any condition fails it writes nothing and returns null: update-draft.ts then reads the item and either
// explains the refusal (assertAuthorCanEdit, stale version) or takes the slow way for a change of writing target.
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemView } from "@/lib/items/schemas";
import type { updateDraftInputSchema } from "@/lib/items/schemas";
import { toEvidenceView } from "@/lib/provenance/evidence-view";
import type { FieldTexts } from "@/lib/provenance/check-evidence";
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

interface WrittenRow {
  id: string;
  campaign_id: string;
  guideline_id: string | null;
  guideline_version: number | null;
  author_id: string;
  language: ItemView["language"];
  variety: string | null;
  category: ItemView["category"];
  status: ItemView["status"];
  instruction: string;
  context: string | null;
  response: string;
  source_url: string | null;
  source_license: string | null;
  language_justification: string | null;
  pii_declared_fictional: boolean;
  version: number;
  review_round: number;
  submitted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  latest_review: { decision: "approve" | "request_changes" | "reject"; comment: string; cited_clauses: string[]; created_at: string } | null;
  running_evidence: {
    fields: Prisma.JsonValue;
    implausible: boolean;
    reasons: string[];
    flags: string[];
    note: string | null;
    checked_at: string;
  } | null;
  before_instruction: string;
  before_context: string | null;
  before_response: string;
}

export interface WrittenDraft {
  view: ItemView;
  before: FieldTexts;
  createdAt: Date;
}

export async function writeCurrentDraft(
  tx: Prisma.TransactionClient | ReturnType<typeof db>,
  viewer: Viewer,
  itemId: string,
  version: number,
  changes: DraftChanges,
): Promise<WrittenDraft | null> {
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

  // The replaced text comes from the statement's snapshot: when the write succeeds no other write came between,
  // since every write of the text bumps the version the condition names.
  const rows = await tx.$queryRaw<WrittenRow[]>`
    UPDATE items i SET ${Prisma.join([...assignments, Prisma.sql`version = i.version + 1`, Prisma.sql`updated_at = ${now}`], ", ")}
      FROM (SELECT instruction, context, response FROM items WHERE id = ${itemId}::uuid) b
     WHERE ${Prisma.join(conditions, " AND ")}
    RETURNING i.id::text, i.campaign_id::text, i.guideline_id::text,
              (SELECT g.version FROM guidelines g WHERE g.id = i.guideline_id) AS guideline_version,
              i.author_id::text, i.language::text AS language, i.variety, i.category::text AS category, i.status::text AS status,
              i.instruction, i.context, i.response, i.source_url, i.source_license, i.language_justification,
              i.pii_declared_fictional, i.version, i.review_round, i.submitted_at, i.created_at, i.updated_at,
              (SELECT json_build_object('decision', r.decision, 'comment', r.comment, 'cited_clauses', r.cited_clauses,
                                        'created_at', r.created_at)
                 FROM reviews r WHERE r.item_id = i.id ORDER BY r.created_at DESC LIMIT 1) AS latest_review,
              (SELECT json_build_object('fields', e.fields, 'implausible', e.implausible, 'reasons', e.reasons,
                                        'flags', e.flags, 'note', e.note, 'checked_at', e.checked_at)
                 FROM writing_evidence e
                WHERE e.item_id = i.id AND e.kind = 'writing' AND e.revision_id IS NULL LIMIT 1) AS running_evidence,
              b.instruction AS before_instruction, b.context AS before_context, b.response AS before_response`;
  const row = rows[0];
  if (!row) return null;
  const review = row.latest_review;
  const evidence = row.running_evidence;
  return {
    before: { instruction: row.before_instruction, context: row.before_context ?? "", response: row.before_response },
    createdAt: row.created_at,
    view: {
      id: row.id,
      campaignId: row.campaign_id,
      guidelineId: row.guideline_id,
      guidelineVersion: row.guideline_version,
      authorId: row.author_id,
      language: row.language,
      variety: row.variety,
      category: row.category,
      status: row.status,
      instruction: row.instruction,
      context: row.context,
      response: row.response,
      sourceUrl: row.source_url,
      sourceLicense: row.source_license,
      languageJustification: row.language_justification,
      piiDeclaredFictional: row.pii_declared_fictional,
      version: row.version,
      reviewRound: row.review_round,
      submittedAt: row.submitted_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      latestFeedback: review
        ? { decision: review.decision, comment: review.comment, citedClauses: review.cited_clauses, createdAt: new Date(review.created_at).toISOString() }
        : null,
      evidence: evidence
        ? toEvidenceView({
            fields: evidence.fields,
            implausible: evidence.implausible,
            reasons: evidence.reasons,
            flags: evidence.flags,
            note: evidence.note,
            checkedAt: new Date(evidence.checked_at),
          })
        : null,
    },
  };
}
