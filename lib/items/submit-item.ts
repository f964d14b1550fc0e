// Submits a draft (or a revised item sent back) for review: runs every quality check, refuses on blocking
// problems with the full report, and otherwise freezes the text as an immutable revision.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAuthorCanEdit, staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { submitItemInputSchema, type ItemView } from "@/lib/items/schemas";
import { checkItem, withProblems, type QualityReport } from "@/lib/quality/check-item";
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblems } from "@/lib/quality/find-duplicates";
import { itemSimilarityKeys } from "@/lib/quality/similarity-keys";

export interface SubmitResult {
  item: ItemView;
  quality: QualityReport;
}

export async function submitItem(
  viewer: Viewer,
  itemId: string,
  input: z.input<typeof submitItemInputSchema>,
): Promise<SubmitResult> {
  const { version, ...overrides } = submitItemInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const current = await tx.item.findUnique({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
    if (!current || current.authorId !== viewer.id) throw notFound("Item");
    assertAuthorCanEdit(viewer, current);
    if (current.version !== version) throw staleVersion(toItemView(current), current.version);

    const languageJustification =
      overrides.languageJustification === undefined ? current.languageJustification : overrides.languageJustification;
    const piiDeclaredFictional = overrides.piiDeclaredFictional ?? current.piiDeclaredFictional;
    const fingerprint = itemFingerprint(current);
    const similarityKeys = itemSimilarityKeys(current);
    const report = withProblems(
      checkItem(current, { languageJustification, piiDeclaredFictional }),
      await findDuplicateProblems(tx, {
        itemId,
        language: current.language,
        instruction: current.instruction,
        response: current.response,
        fingerprint,
        similarityKeys,
      }),
    );
    if (report.blocked) {
      const blocking = report.problems.filter((problem) => problem.severity === "block" && !problem.overridden);
      throw new AppError("validation_failed", "The item has problems that block submission.", {
        fields: blocking.map((problem) => ({ field: problem.field, message: problem.code })),
        details: { quality: report },
      });
    }

    const written = await tx.item.updateMany({
      where: { id: itemId, version },
      data: {
        status: "submitted",
        submittedAt: new Date(),
        reviewRound: { increment: 1 },
        fingerprint,
        similarityKeys: similarityKeys.map(BigInt),
        languageJustification: languageJustification || null,
        piiDeclaredFictional,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) throw staleVersion(toItemView(current), current.version);
    const revisions = await tx.itemRevision.count({ where: { itemId } });
    await tx.itemRevision.create({
      data: {
        itemId,
        number: revisions + 1,
        kind: "submission",
        authorId: viewer.id,
        variety: current.variety,
        category: current.category,
        instruction: current.instruction,
        context: current.context,
        response: current.response,
        sourceUrl: current.sourceUrl,
        sourceLicense: current.sourceLicense,
        guidelineId: current.guidelineId,
        qualityReport: report as unknown as Prisma.InputJsonValue,
      },
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: current.status === "changes_requested" ? "item.resubmitted" : "item.submitted",
      subjectType: "item",
      subjectId: itemId,
      payload: { from: current.status, to: "submitted", revision: revisions + 1 },
    });
    const item = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
    return { item: toItemView(item), quality: report };
  });
}
