// The one way an item's text becomes an immutable revision, for an author's submission and a reviewer's edit
// alike: every quality check runs (language per field, personal data, shape rules, exact and near duplicates),
// blocking problems refuse the write with the whole report, and the revision keeps its report. Unchecked text can
// therefore never become the approved revision.
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";
import { checkItem, withProblems, type QualityOverrides, type QualityReport } from "@/lib/quality/check-item";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { duplicateKeysOf } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblems } from "@/lib/quality/find-duplicates";

/** The text of a revision and what it is checked against. */
export interface RevisionText {
  itemId: string;
  language: ItemLanguage;
  variety: string | null;
  category: ItemCategory;
  instruction: string;
  context: string | null;
  response: string;
  sourceUrl: string | null;
  sourceLicense: string | null;
  guidelineId: string | null;
}

export interface RecordedRevision {
  id: string;
  number: number;
  quality: QualityReport;
  /** For the item row, so the duplicate checks of later items find this text. */
  fingerprint: string;
  similarityKeys: bigint[];
}

/** How a refusal is worded and which names its fields carry. */
interface RevisionCheckOptions {
  overrides: QualityOverrides;
  /** What the refusal says, e.g. "The item has problems that block submission." */
  refusal: string;
  /** Prefix of the refused fields' names, when the text arrived under another name (a reviewer's `edits`). */
  fieldPrefix?: string;
}

/** What the duplicate lookups of a revision's text are made of, computed once from the text. */
export function revisionKeys(text: RevisionText): { fingerprint: string; similarityKeys: number[] } {
  return duplicateKeysOf(text);
}

/**
 * The quality report of a revision's text given the duplicate problems found for it (find-duplicates.ts); throws the
 * refusal with the whole report when a problem blocks.
 */
export function checkRevision(text: RevisionText, duplicates: QualityProblem[], options: RevisionCheckOptions): QualityReport {
  const quality = withProblems(checkItem(text, options.overrides), duplicates);
  if (quality.blocked) {
    const blocking = quality.problems.filter((problem) => problem.severity === "block" && !problem.overridden);
    throw new AppError("validation_failed", options.refusal, {
      fields: blocking.map((problem) => ({
        field: options.fieldPrefix ? `${options.fieldPrefix}.${problem.field}` : problem.field,
        message: problem.code,
      })),
      details: { quality },
    });
  }
  return quality;
}

export async function recordRevision(
  tx: Prisma.TransactionClient,
  text: RevisionText,
  options: RevisionCheckOptions & { kind: "submission" | "reviewer_edit"; authorId: string },
): Promise<RecordedRevision> {
  const { fingerprint, similarityKeys } = revisionKeys(text);
  const duplicates = await findDuplicateProblems(tx, { ...text, fingerprint, similarityKeys });
  const quality = checkRevision(text, duplicates, options);
  const latest = await tx.itemRevision.aggregate({ where: { itemId: text.itemId }, _max: { number: true } });
  const number = (latest._max.number ?? 0) + 1;
  const revision = await tx.itemRevision.create({
    data: {
      itemId: text.itemId,
      number,
      kind: options.kind,
      authorId: options.authorId,
      variety: text.variety,
      category: text.category,
      instruction: text.instruction,
      context: text.context,
      response: text.response,
      sourceUrl: text.sourceUrl,
      sourceLicense: text.sourceLicense,
      guidelineId: text.guidelineId,
      qualityReport: quality as unknown as Prisma.InputJsonValue,
    },
  });
  return { id: revision.id, number, quality, fingerprint, similarityKeys: similarityKeys.map(BigInt) };
}
