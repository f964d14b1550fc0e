// New items of an import, many lines at once: every check of a submission runs for each line (the campaign's
// languages and categories, language, personal data, shape, and exact and near duplicates against the database and
// the lines before it in the batch, looked up for the whole batch in two statements), then the lines that pass are
// written by a few multi-row inserts in one transaction. A refused line is reported and leaves nothing of itself.
import { randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth/viewer";
import { currentTime } from "@/lib/clock";
import type { Campaign, Prisma, User } from "@/lib/generated/prisma/client";
import type { ImportLineInput } from "@/lib/imports/schemas";
import { LineRefused, qualityRefusal, refusalOf } from "@/lib/imports/line-refused";
import { assertCampaignTakes } from "@/lib/items/resolve-writing-target";
import { checkItem, withProblems, type QualityReport } from "@/lib/quality/check-item";
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblemsInBatch } from "@/lib/quality/find-duplicates-in-batch";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";
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

interface CheckedLine extends PreparedLine {
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
    return { report, fingerprint: itemFingerprint(line), similarityKeys: itemSimilarityKeys(line) };
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    return { refusal };
  }
}

/** Per line of the segment, in its order: created, or the refusal. */
export type NewItemOutcome = { line: PreparedLine; created: true } | { line: PreparedLine; created: false; refusal: LineRefused };

export async function importNewItems(
  tx: Prisma.TransactionClient,
  context: {
    actor: Viewer;
    campaign: Pick<Campaign, "id">;
    guidelines: ReadonlyMap<ItemLanguage, string>;
    dryRun: boolean;
    /** A dry run's texts accepted in earlier batches, by fingerprint: nothing was written, yet they count as there. */
    acceptedInDryRun: Map<string, string[]>;
  },
  lines: readonly PreparedLine[],
): Promise<NewItemOutcome[]> {
  /** By line number. */
  const refusals = new Map<number, LineRefused>();
  const checked: CheckedLine[] = [];
  for (const prepared of lines) {
    if ("refusal" in prepared.checks) refusals.set(prepared.number, prepared.checks.refusal);
    else checked.push({ ...prepared, ...prepared.checks, itemId: randomUUID(), revisionId: randomUUID() });
  }

  const submitted = checked.filter((entry) => entry.line.status !== "draft");
  const duplicates = await findDuplicateProblemsInBatch(
    tx,
    submitted.map((entry) => ({ ...entry, ...entry.line })),
    (index, problems) => !withProblems(submitted[index]!.report, problems).blocked,
    context.dryRun ? context.acceptedInDryRun : undefined,
  );
  submitted.forEach((entry, index) => {
    entry.report = withProblems(entry.report, duplicates[index]!);
    const refusal = qualityRefusal(entry.report);
    if (refusal) refusals.set(entry.number, refusal);
  });

  const accepted = checked.filter((entry) => !refusals.has(entry.number));
  if (!context.dryRun) await writeItems(tx, context, accepted);
  return lines.map((line) => {
    const refusal = refusals.get(line.number);
    return refusal ? { line, created: false, refusal } : { line, created: true };
  });
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

/** The items, their first revisions and their audit events, each table in one statement. */
async function writeItems(
  tx: Prisma.TransactionClient,
  context: { actor: Viewer; campaign: Pick<Campaign, "id">; guidelines: ReadonlyMap<ItemLanguage, string> },
  accepted: readonly CheckedLine[],
): Promise<void> {
  if (accepted.length === 0) return;
  const now = currentTime();
  const submitted = accepted.filter((entry) => entry.line.status !== "draft");
  await tx.item.createMany({
    data: accepted.map(({ itemId, line, author, fingerprint, similarityKeys }) => ({
      id: itemId,
      campaignId: context.campaign.id,
      guidelineId: context.guidelines.get(line.language) ?? null,
      authorId: author.id,
      language: line.language,
      category: line.category,
      ...textOf(line),
      externalId: line.externalId,
      ...overridesOf(line),
      ...(line.status === "draft"
        ? {}
        : {
            status: line.status,
            submittedAt: now,
            reviewRound: 1,
            fingerprint,
            similarityKeys: similarityKeys.map(BigInt),
            // Created, then submitted: the version a single submission would have left.
            version: 2,
            ...(line.status === "approved" ? { approvedAt: now } : {}),
          }),
    })),
  });
  await tx.itemRevision.createMany({
    data: submitted.map(({ itemId, revisionId, line, author, report }) => ({
      id: revisionId,
      itemId,
      number: 1,
      kind: "submission" as const,
      authorId: author.id,
      ...textOf(line),
      category: line.category,
      guidelineId: context.guidelines.get(line.language) ?? null,
      qualityReport: report as unknown as Prisma.InputJsonValue,
    })),
  });
  const approved = submitted.filter((entry) => entry.line.status === "approved");
  if (approved.length > 0) {
    await tx.$executeRaw`
      UPDATE items SET approved_revision_id = a.revision_id
        FROM unnest(${approved.map((entry) => entry.itemId)}::uuid[], ${approved.map((entry) => entry.revisionId)}::uuid[]) AS a(item_id, revision_id)
       WHERE items.id = a.item_id`;
  }
  await tx.auditEvent.createMany({
    data: [
      ...accepted.map(({ itemId, line, number, author }) => ({
        actorId: context.actor.id,
        action: "item.imported",
        subjectType: "item",
        subjectId: itemId,
        payload: { externalId: line.externalId, line: number, status: line.status, authorId: author.id },
      })),
      // Approved elsewhere: no review row (no rubric scores exist), no pay; the audit log says who vouched for it and why.
      ...approved.map(({ itemId, line, reviewer }) => ({
        actorId: context.actor.id,
        action: "item.import_approved",
        subjectType: "item",
        subjectId: itemId,
        payload: { reviewerId: reviewer!.id, reviewerEmail: reviewer!.email, reason: line.approvalReason ?? "", revision: 1 },
      })),
    ],
  });
}
