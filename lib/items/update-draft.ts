// Saves an author's edit (autosave or explicit). The write names the version it was based on: a stale one is
// refused with the current text, never applied over it.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertAuthorCanEdit, staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { resolveWritingTarget } from "@/lib/items/resolve-writing-target";
import { updateDraftInputSchema, type ItemView } from "@/lib/items/schemas";
import { draftEvidenceWrite, recordDraftEvidence, textsOf, type EvidenceRow } from "@/lib/provenance/record-evidence";
import { toEvidenceView } from "@/lib/provenance/evidence-view";
import { currentDraftUpdate, writtenDraftOf, type WrittenRow } from "@/lib/items/write-current-draft";
import { prepared, queryInOneRoundTrip, transactionInRoundTrips } from "@/lib/database/one-round-trip";

/** The facts a save is checked against; every save pays for this read, so it is one narrow query. */
const EDIT_FACTS = {
  authorId: true,
  status: true,
  language: true,
  category: true,
  variety: true,
  campaignId: true,
  guidelineId: true,
  version: true,
  createdAt: true,
} as const;
/** Read only when the save carries writing counters: they are checked against the text's growth. */
const TEXT_FACTS = { instruction: true, context: true, response: true } as const;

export async function updateDraft(
  viewer: Viewer,
  itemId: string,
  input: z.input<typeof updateDraftInputSchema>,
): Promise<ItemView> {
  // activeSeconds (deprecated) is dropped unread: a save is no evidence of active time, heartbeats are.
  const { version, activeSeconds: _ignored, evidence, ...changes } = updateDraftInputSchema.parse(input);
  // The common save: one conditional UPDATE … RETURNING; with counters, that statement also returns the writer's
  // running record, which is checked here and replaced in the same transaction: two round trips in all.
  const fast = evidence
    ? await transactionInRoundTrips(async (send) => {
        const written = writtenDraftOf(
          (await send<WrittenRow>([prepared(currentDraftUpdate(viewer, itemId, version, changes, { runningEvidenceOf: viewer.id }))]))[0],
        );
        if (!written) return null;
        const args = { itemId, userId: viewer.id, input: evidence, before: written.before, after: textsOf(written.view), startedAt: written.createdAt };
        const [record] = await send<EvidenceRow>([draftEvidenceWrite(written.runningEvidence, args)], { commit: true });
        return { ...written.view, evidence: toEvidenceView({ ...record!, checkedAt: new Date(record!.checked_at) }) };
      })
    : writtenDraftOf((await queryInOneRoundTrip<WrittenRow>([prepared(currentDraftUpdate(viewer, itemId, version, changes))]))[0])?.view;
  if (fast) return fast;

  // Everything else (a refusal to explain, or a new language, category or variety and with it a guideline) the slow way.
  const item = await db().$transaction(async (tx) => {
    // Only what the checks need: the full view (two more queries) is read once, after the write, or for a conflict.
    const current = await tx.item.findUnique({ where: { id: itemId }, select: { ...EDIT_FACTS, ...(evidence ? TEXT_FACTS : {}) } });
    if (!current || current.authorId !== viewer.id) throw notFound("Item");
    assertAuthorCanEdit(viewer, current);
    if (current.version !== version) {
      const latest = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
      throw staleVersion(toItemView(latest), latest.version);
    }

    const language = changes.language ?? current.language;
    const category = changes.category ?? current.category;
    const variety = changes.variety === undefined ? current.variety : changes.variety;
    const targetChanged = language !== current.language || category !== current.category || variety !== current.variety;
    const guidelineId = targetChanged
      ? (await resolveWritingTarget(tx, viewer, { campaignId: current.campaignId, language, category, variety })).guidelineId
      : current.guidelineId;

    // The version condition makes the check and the write one atomic step even between two app processes.
    const written = await tx.item.updateMany({
      where: { id: itemId, version },
      data: {
        ...changes,
        ...(changes.sourceUrl !== undefined ? { sourceUrl: changes.sourceUrl || null } : {}),
        ...(changes.sourceLicense !== undefined ? { sourceLicense: changes.sourceLicense || null } : {}),
        guidelineId,
        version: { increment: 1 },
      },
    });
    if (written.count === 0) {
      const latest = await tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
      throw staleVersion(toItemView(latest), latest.version);
    }
    if (evidence && "instruction" in current) {
      const before = textsOf(current);
      const after = {
        instruction: changes.instruction ?? before.instruction,
        context: changes.context === undefined ? before.context : (changes.context ?? ""),
        response: changes.response ?? before.response,
      };
      await recordDraftEvidence(tx, { itemId, userId: viewer.id, input: evidence, before, after, startedAt: current.createdAt });
    }
    return tx.item.findUniqueOrThrow({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
  });
  return toItemView(item);
}
