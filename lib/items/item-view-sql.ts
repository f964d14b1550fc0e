// The item view (item-view.ts) as columns of one SQL statement, for writes that answer with the item they wrote in the
// same round trip (a save's UPDATE … RETURNING, a claim's lease): the item's columns, its guideline's version, its
// latest review and the author's running writing counters, each as a subquery instead of a query of its own.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemView } from "@/lib/items/schemas";
import { toEvidenceView } from "@/lib/provenance/evidence-view";

export interface ItemViewRow {
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
  /** Dates, or ISO strings when the row arrives inside row_to_json. */
  submitted_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  latest_review: { decision: "approve" | "request_changes" | "reject"; comment: string; cited_clauses: string[]; created_at: string } | null;
  running_evidence: {
    fields: Prisma.JsonValue;
    implausible: boolean;
    reasons: string[];
    flags: string[];
    note: string | null;
    checked_at: string;
  } | null;
}

/**
 * The view's columns of the `items` row aliased `i`. `feedbackBeforeRound`: only reviews of earlier rounds count as
 * the latest feedback (what a reviewer deciding that round may see, present-for-review.ts).
 */
export function itemViewColumns(options: { feedbackBeforeRound?: number | Prisma.Sql } = {}): Prisma.Sql {
  const earlierRounds = options.feedbackBeforeRound === undefined ? Prisma.empty : Prisma.sql`AND r.round < ${options.feedbackBeforeRound}`;
  return Prisma.sql`i.id::text, i.campaign_id::text, i.guideline_id::text,
    (SELECT g.version FROM guidelines g WHERE g.id = i.guideline_id) AS guideline_version,
    i.author_id::text, i.language::text AS language, i.variety, i.category::text AS category, i.status::text AS status,
    i.instruction, i.context, i.response, i.source_url, i.source_license, i.language_justification,
    i.pii_declared_fictional, i.version, i.review_round, i.submitted_at, i.created_at, i.updated_at,
    (SELECT json_build_object('decision', r.decision, 'comment', r.comment, 'cited_clauses', r.cited_clauses, 'created_at', r.created_at)
       FROM reviews r WHERE r.item_id = i.id ${earlierRounds} ORDER BY r.created_at DESC LIMIT 1) AS latest_review,
    (SELECT json_build_object('fields', e.fields, 'implausible', e.implausible, 'reasons', e.reasons, 'flags', e.flags,
                              'note', e.note, 'checked_at', e.checked_at)
       FROM writing_evidence e
      WHERE e.item_id = i.id AND e.kind = 'writing' AND e.revision_id IS NULL LIMIT 1) AS running_evidence`;
}

export function itemViewFromRow(row: ItemViewRow): ItemView {
  const review = row.latest_review;
  const evidence = row.running_evidence;
  return {
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
    submittedAt: row.submitted_at === null ? null : new Date(row.submitted_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
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
  };
}
