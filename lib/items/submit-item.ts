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
import { itemViewColumns, itemViewFromRow, type ItemViewRow } from "@/lib/items/item-view-sql";
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
    // The item and its campaign only: the whole view is read again only to explain a stale version, and the view the
    // author gets back comes from the UPDATE itself.
    const current = await tx.item.findUnique({ where: { id: itemId }, include: { campaign: true } });
    if (!current || current.authorId !== viewer.id) throw notFound("Item");
    assertAuthorCanEdit(viewer, current);
    const stale = async () => {
      const seen = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
      return staleVersion(toItemView(seen), seen.version);
    };
    if (current.version !== version) throw await stale();

    const languageJustification =
      overrides.languageJustification === undefined ? current.languageJustification : overrides.languageJustification;
    const piiDeclaredFictional = overrides.piiDeclaredFictional ?? current.piiDeclaredFictional;
    const revision = await recordRevision(tx, { ...current, itemId }, {
      kind: "submission",
      authorId: viewer.id,
      overrides: { languageJustification, piiDeclaredFictional },
      refusal: "The item has problems that block submission.",
    });
    // The text does not change at submission: counters sent with it may only add what was not saved yet (nothing).
    // Recorded before the item's UPDATE, whose returned view shows the author's running record.
    if (evidence) {
      const texts = textsOf(current);
      await recordDraftEvidence(tx, { itemId, userId: viewer.id, input: evidence, before: texts, after: texts, startedAt: current.createdAt });
    }
    const now = currentTime();
    const [written] = await tx.$queryRaw<ItemViewRow[]>`
      UPDATE items i
         SET status = 'submitted', submitted_at = ${now}, review_round = i.review_round + 1,
             fingerprint = ${revision.fingerprint}, similarity_keys = ${`{${revision.similarityKeys.join(",")}}`}::bigint[],
             language_justification = ${languageJustification || null}, pii_declared_fictional = ${piiDeclaredFictional},
             version = i.version + 1, updated_at = ${now}
       WHERE i.id = ${itemId}::uuid AND i.version = ${version}
      RETURNING ${itemViewColumns()}`;
    if (!written) throw await stale();
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
    return { item: itemViewFromRow(written), quality: revision.quality };
  });
}
