// Submits a draft (or a revised item sent back) for review: the text becomes an immutable revision through
// recordRevision, which runs every quality check and refuses on blocking problems with the full report.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertAuthorCanEdit, staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { submitItemInputSchema, type SubmitResult } from "@/lib/items/schemas";
import { recordRevision } from "@/lib/items/record-revision";
import { freezeSubmissionEvidence, recordDraftEvidence, textsOf, thresholdsOf } from "@/lib/provenance/record-evidence";

export async function submitItem(
  viewer: Viewer,
  itemId: string,
  input: z.input<typeof submitItemInputSchema>,
): Promise<SubmitResult> {
  const { version, evidence, evidenceNote, ...overrides } = submitItemInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const current = await tx.item.findUnique({ where: { id: itemId }, include: { ...ITEM_VIEW_INCLUDE, campaign: true } });
    if (!current || current.authorId !== viewer.id) throw notFound("Item");
    assertAuthorCanEdit(viewer, current);
    if (current.version !== version) throw staleVersion(toItemView(current), current.version);

    const languageJustification =
      overrides.languageJustification === undefined ? current.languageJustification : overrides.languageJustification;
    const piiDeclaredFictional = overrides.piiDeclaredFictional ?? current.piiDeclaredFictional;
    const revision = await recordRevision(tx, { ...current, itemId }, {
      kind: "submission",
      authorId: viewer.id,
      overrides: { languageJustification, piiDeclaredFictional },
      refusal: "The item has problems that block submission.",
    });

    const written = await tx.item.updateMany({
      where: { id: itemId, version },
      data: {
        status: "submitted",
        submittedAt: currentTime(),
        reviewRound: { increment: 1 },
        fingerprint: revision.fingerprint,
        similarityKeys: revision.similarityKeys,
        languageJustification: languageJustification || null,
        piiDeclaredFictional,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) throw staleVersion(toItemView(current), current.version);
    // The text does not change at submission: counters sent with it may only add what was not saved yet (nothing).
    if (evidence) {
      const texts = textsOf(current);
      await recordDraftEvidence(tx, { itemId, userId: viewer.id, input: evidence, before: texts, after: texts, startedAt: current.createdAt });
    }
    await freezeSubmissionEvidence(tx, {
      itemId,
      userId: viewer.id,
      revisionId: revision.id,
      note: evidenceNote || null,
      thresholds: thresholdsOf(current.campaign),
    });
    await recordAuditEvent(tx, {
      actorId: viewer.id,
      action: current.status === "changes_requested" ? "item.resubmitted" : "item.submitted",
      subjectType: "item",
      subjectId: itemId,
      payload: { from: current.status, to: "submitted", revision: revision.number },
    });
    const item = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
    return { item: toItemView(item), quality: revision.quality };
  });
}
