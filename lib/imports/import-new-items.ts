// New items of an import, many lines at once: every check of a submission runs for each line (the campaign's
// languages and categories, language, personal data, shape, and exact and near duplicates against the database and
// the lines before it in the batch, looked up for the whole batch in two statements), then the lines that pass are
// written by a few multi-row inserts in the same transaction. Checking and writing are two steps so that the import can
// check the next segment while this one is written. A refused line is reported and leaves nothing of itself.
import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import type { Campaign, Prisma, User } from "@/lib/generated/prisma/client";
import type { ImportLineInput } from "@/lib/imports/schemas";
import { LineRefused, qualityRefusal, refusalOf } from "@/lib/imports/line-refused";
import { assertCampaignTakes } from "@/lib/items/resolve-writing-target";
import { checkItem, withProblems, type QualityReport } from "@/lib/quality/check-item";
import { duplicateKeysOf } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblemsInBatch, type BatchCandidate } from "@/lib/quality/find-duplicates-in-batch";
import type { ItemLanguage } from "@/lib/vocabulary";

/** A line that parsed, with its author (active, qualified) and, for an approval, its reviewer. */
export interface PreparedLine {
  number: number;
  line: ImportLineInput;
  author: Viewer;
  reviewer: User | null;
  /** What the checks that need no database found (checkLine), or why they refuse the line. */
  checks: { report: QualityReport; fingerprint: string; similarityKeys: number[] } | { refusal: LineRefused };
}

export interface CheckedLine extends PreparedLine {
  itemId: string;
  revisionId: string;
  report: QualityReport;
  fingerprint: string;
  similarityKeys: number[];
}

/**
 * The checks of a new line that need no database: the campaign takes its language, category and variety; language,
 * personal data and shape. Run as the line is read, while the batch before it is being written.
 */
export function checkLine(campaign: Pick<Campaign, "languages" | "categories">, line: ImportLineInput): PreparedLine["checks"] {
  try {
    assertCampaignTakes(campaign, line);
    const report = checkItem({ ...textOf(line), language: line.language, category: line.category }, overridesOf(line));
    // Drafts are not submitted: the checks that need no database refuse them, duplicates do not.
    const refusal = line.status === "draft" ? qualityRefusal(report, { firstOnly: true }) : null;
    if (refusal) return { refusal };
    return { report, ...duplicateKeysOf(line) };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { refusal };
  }
}

/** Per line of the segment, in its order: created, or the refusal. */
export type NewItemOutcome = { line: PreparedLine; created: true } | { line: PreparedLine; created: false; refusal: LineRefused };

/** What the import's transaction needs to write a segment's new items. */
export interface NewItemsContext {
  actor: Viewer;
  campaign: Pick<Campaign, "id">;
  guidelines: ReadonlyMap<ItemLanguage, string>;
  dryRun: boolean;
  /** A dry run's texts accepted in earlier batches, by fingerprint: nothing was written, yet they count as there. */
  acceptedInDryRun: Map<string, string[]>;
}

/** A segment after its checks: each line's outcome, and the lines to write. */
export interface CheckedNewItems {
  outcomes: NewItemOutcome[];
  accepted: CheckedLine[];
  /** The accepted texts that later texts may duplicate (drafts are nobody's work yet, so not theirs). */
  duplicable: BatchCandidate[];
}

/**
 * Every check of the segment's lines, the duplicates looked up for all of them at once. `unwritten`: texts accepted
 * before the segment whose transaction has not committed yet (the segment before, still being written); they count as
 * written.
 */
export async function checkNewItems(
  tx: Prisma.TransactionClient,
  context: NewItemsContext,
  lines: readonly PreparedLine[],
  unwritten: readonly BatchCandidate[],
): Promise<CheckedNewItems> {
  /** By line number. */
  const refusals = new Map<number, LineRefused>();
  const checked: CheckedLine[] = [];
  for (const prepared of lines) {
    if ("refusal" in prepared.checks) refusals.set(prepared.number, prepared.checks.refusal);
    else checked.push({ ...prepared, ...prepared.checks, itemId: randomUUID(), revisionId: randomUUID() });
  }

  const submitted = checked.filter((entry) => entry.line.status !== "draft");
  const candidates = submitted.map((entry) => ({ ...entry, ...entry.line }));
  const duplicates = await findDuplicateProblemsInBatch(
    tx,
    candidates,
    (index, problems) => !withProblems(submitted[index]!.report, problems).blocked,
    context.dryRun ? context.acceptedInDryRun : undefined,
    unwritten,
  );
  submitted.forEach((entry, index) => {
    entry.report = withProblems(entry.report, duplicates[index]!);
    const refusal = qualityRefusal(entry.report);
    if (refusal) refusals.set(entry.number, refusal);
  });

  return {
    outcomes: lines.map((line) => {
      const refusal = refusals.get(line.number);
      return refusal ? { line, created: false, refusal } : { line, created: true };
    }),
    accepted: checked.filter((entry) => !refusals.has(entry.number)),
    duplicable: candidates.filter((candidate) => !refusals.has(candidate.number)),
  };
}

/** The item's text as a line gives it (absent fields and empty source fields are null). */
export function textOf(line: ImportLineInput) {
  return {
    variety: line.variety ?? null,
    instruction: line.instruction,
    context: line.context ?? null,
    response: line.response,
    sourceUrl: line.sourceUrl || null,
    sourceLicense: line.sourceLicense || null,
  };
}

/** The line's declarations for the quality checks. */
export function overridesOf(line: ImportLineInput) {
  return { languageJustification: line.languageJustification ?? null, piiDeclaredFictional: line.piiDeclaredFictional ?? false };
}

/**
 * The items, their first revisions and their audit events, each table in one statement. Plain SQL over arrays (one
 * parameter per column, `unnest` turning them into rows) rather than the client's createMany: that one binds every
 * value of every row as a parameter of its own and compiles the statement anew for each batch size, which cost more CPU
 * per line than all of the line's quality checks together.
 */
export async function writeNewItems(tx: Prisma.TransactionClient, context: NewItemsContext, accepted: readonly CheckedLine[]): Promise<void> {
  if (accepted.length === 0) return;
  const now = currentTime();
  const texts = accepted.map(({ line }) => textOf(line));
  const column = <Value>(value: (entry: CheckedLine, index: number) => Value) => accepted.map(value);
  const isDraft = (entry: CheckedLine) => entry.line.status === "draft";
  // Drafts carry no duplicate keys (they are computed at submission) and are at version 1; a line imported as
  // submitted or approved is created, then submitted: the version and round a single submission would have left.
  await tx.$executeRaw`
    INSERT INTO items (id, campaign_id, guideline_id, author_id, language, category, variety, instruction, context, response,
                       source_url, source_license, external_id, language_justification, pii_declared_fictional, status,
                       submitted_at, approved_at, review_round, version, fingerprint, similarity_keys, updated_at)
    SELECT t.id, ${context.campaign.id}::uuid, t.guideline_id, t.author_id, t.language::"Language", t.category::"Category",
           t.variety, t.instruction, t.context, t.response, t.source_url, t.source_license, t.external_id,
           t.language_justification, t.pii_declared_fictional, t.status::"ItemStatus",
           CASE WHEN t.status = 'draft' THEN NULL ELSE ${now}::timestamptz END,
           CASE WHEN t.status = 'approved' THEN ${now}::timestamptz END,
           CASE WHEN t.status = 'draft' THEN 0 ELSE 1 END, CASE WHEN t.status = 'draft' THEN 1 ELSE 2 END,
           t.fingerprint, t.similarity_keys::bigint[], ${now}::timestamptz
      FROM unnest(${column((entry) => entry.itemId)}::uuid[], ${column((entry) => context.guidelines.get(entry.line.language) ?? null)}::uuid[],
                  ${column((entry) => entry.author.id)}::uuid[], ${column((entry) => entry.line.language)}::text[],
                  ${column((entry) => entry.line.category)}::text[], ${texts.map((text) => text.variety)}::text[],
                  ${texts.map((text) => text.instruction)}::text[], ${texts.map((text) => text.context)}::text[],
                  ${texts.map((text) => text.response)}::text[], ${texts.map((text) => text.sourceUrl)}::text[],
                  ${texts.map((text) => text.sourceLicense)}::text[], ${column((entry) => entry.line.externalId)}::text[],
                  ${column((entry) => overridesOf(entry.line).languageJustification)}::text[],
                  ${column((entry) => overridesOf(entry.line).piiDeclaredFictional)}::boolean[],
                  ${column((entry) => entry.line.status)}::text[],
                  ${column((entry) => (isDraft(entry) ? null : entry.fingerprint))}::text[],
                  ${column((entry) => (isDraft(entry) ? null : `{${entry.similarityKeys.join(",")}}`))}::text[])
           AS t(id, guideline_id, author_id, language, category, variety, instruction, context, response, source_url,
                source_license, external_id, language_justification, pii_declared_fictional, status, fingerprint,
                similarity_keys)`;

  const submitted = accepted.filter((entry) => !isDraft(entry));
  if (submitted.length > 0) {
    // The first revision holds the text just written to the item: taken from there rather than sent a second time.
    await tx.$executeRaw`
      INSERT INTO item_revisions (id, item_id, number, kind, author_id, variety, category, instruction, context, response,
                                  source_url, source_license, guideline_id, quality_report)
      SELECT t.id, i.id, 1, 'submission', i.author_id, i.variety, i.category, i.instruction, i.context, i.response,
             i.source_url, i.source_license, i.guideline_id, t.quality_report::jsonb
        FROM unnest(${submitted.map((entry) => entry.revisionId)}::uuid[], ${submitted.map((entry) => entry.itemId)}::uuid[],
                    ${submitted.map((entry) => JSON.stringify(entry.report))}::text[]) AS t(id, item_id, quality_report)
        JOIN items i ON i.id = t.item_id`;
  }
  const approved = submitted.filter((entry) => entry.line.status === "approved");
  if (approved.length > 0) {
    await tx.$executeRaw`
      UPDATE items SET approved_revision_id = a.revision_id
        FROM unnest(${approved.map((entry) => entry.itemId)}::uuid[], ${approved.map((entry) => entry.revisionId)}::uuid[]) AS a(item_id, revision_id)
       WHERE items.id = a.item_id`;
  }
  const events = [
    ...accepted.map(({ itemId, line, number, author }) => ({
      action: "item.imported",
      itemId,
      payload: { externalId: line.externalId, line: number, status: line.status, authorId: author.id },
    })),
    // Approved elsewhere: no review row (no rubric scores exist), no pay; the audit log says who vouched for it and why.
    ...approved.map(({ itemId, line, reviewer }) => ({
      action: "item.import_approved",
      itemId,
      payload: { reviewerId: reviewer!.id, reviewerEmail: reviewer!.email, reason: line.approvalReason ?? "", revision: 1 },
    })),
  ];
  await tx.$executeRaw`
    INSERT INTO audit_events (actor_id, action, subject_type, subject_id, payload)
    SELECT ${context.actor.id}::uuid, t.action, 'item', t.subject_id, t.payload::jsonb
      FROM unnest(${events.map((event) => event.action)}::text[], ${events.map((event) => event.itemId)}::text[],
                  ${events.map((event) => JSON.stringify(event.payload))}::text[]) AS t(action, subject_id, payload)`;
}
