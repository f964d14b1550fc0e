// Submits a draft (or a revised item sent back) for review: the text becomes an immutable revision, after every
// quality check (record-revision.ts's checkRevision) and refused on blocking problems with the full report. Three
// round trips (write-submission.ts): the facts, the duplicate lookups, and every write in one batch that writes
// nothing unless the item is still at the version that was checked.
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { assertAuthorCanEdit, staleVersion } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { itemViewFromRow, type ItemViewRow } from "@/lib/items/item-view-sql";
import { submitItemInputSchema, type SubmitResult } from "@/lib/items/schemas";
import { checkRevision, revisionKeys } from "@/lib/items/record-revision";
import { submissionFactsOf, submissionFactsStatement, submissionWrites, type SubmissionFactsRow } from "@/lib/items/write-submission";
import { duplicateLookupSql, duplicateProblemsOf, type DuplicateLookupRow } from "@/lib/quality/find-duplicates";

/** Why the item cannot be submitted at `version`, as it stands now: missing, not editable by this viewer, or changed. */
async function refusalOf(viewer: Viewer, itemId: string): Promise<Error> {
  const item = await db().item.findUnique({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
  if (!item || item.authorId !== viewer.id) return notFound("Item");
  assertAuthorCanEdit(viewer, item);
  return staleVersion(toItemView(item), item.version);
}

export async function submitItem(
  viewer: Viewer,
  itemId: string,
  input: z.input<typeof submitItemInputSchema>,
): Promise<SubmitResult> {
  const { version, evidence, evidenceNote, ...overrides } = submitItemInputSchema.parse(input);
  const facts = submissionFactsOf(
    (await queryInOneRoundTrip<SubmissionFactsRow>([submissionFactsStatement(itemId, viewer.id)]))[0],
  );
  if (!facts || facts.item.authorId !== viewer.id) throw notFound("Item");
  const current = facts.item;
  assertAuthorCanEdit(viewer, current);
  if (current.version !== version) throw await refusalOf(viewer, itemId);

  const languageJustification =
    overrides.languageJustification === undefined ? current.languageJustification : overrides.languageJustification;
  const piiDeclaredFictional = overrides.piiDeclaredFictional ?? current.piiDeclaredFictional;
  const keys = revisionKeys(current);
  // Planned for its values on every call: one plan for all values would not know how often the fingerprint occurs, and
  // where one text was stored many times over (tests/integration/near-duplicate-plan.test.ts) it reads the whole table.
  const lookup = await queryInOneRoundTrip<DuplicateLookupRow>([duplicateLookupSql({ ...current, ...keys })]);
  const quality = checkRevision(current, duplicateProblemsOf(current, lookup), {
    overrides: { languageJustification, piiDeclaredFictional },
    refusal: "The item has problems that block submission.",
  });

  const [written] = await queryInOneRoundTrip<ItemViewRow>(
    submissionWrites({
      viewer,
      facts,
      version,
      revision: { id: randomUUID(), quality, ...keys },
      languageJustification: languageJustification || null,
      piiDeclaredFictional,
      evidence,
      evidenceNote: evidenceNote || null,
    }),
  );
  // Nothing was written: the item changed (or stopped being editable) since its facts were read.
  if (!written) throw await refusalOf(viewer, itemId);
  return { item: itemViewFromRow(written), quality };
}
