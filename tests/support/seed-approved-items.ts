// Approved items for release tests, through the real path: written, submitted, claimed and approved.
import { db } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import type { ItemView } from "@/lib/items/schemas";
import { submitItem } from "@/lib/items/submit-item";
import type { ItemLanguage } from "@/lib/vocabulary";
import { decideReview } from "@/lib/reviews/decide-review";
import { claimItem } from "@/tests/support/claim-item";
import type { TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

export const FULL_MARKS = { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 };

export interface ItemText {
  instruction: string;
  response: string;
  context?: string | null;
  sourceUrl?: string | null;
  sourceLicense?: string | null;
  variety?: string | null;
  category?: "open_qa" | "closed_qa" | "brainstorming" | "creative_writing" | "summarization";
  piiDeclaredFictional?: boolean;
}

export async function submitItemWithText(author: TestUser, campaignId: string, language: ItemLanguage, text: ItemText): Promise<ItemView> {
  const viewer = viewerOf(author);
  const draft = await createDraft(viewer, {
    campaignId,
    language,
    category: text.category ?? "open_qa",
    instruction: text.instruction,
    response: text.response,
    context: text.context ?? null,
    sourceUrl: text.sourceUrl ?? null,
    sourceLicense: text.sourceLicense ?? null,
    variety: text.variety ?? null,
  });
  return (await submitItem(viewer, draft.id, { version: draft.version, piiDeclaredFictional: text.piiDeclaredFictional ?? false })).item;
}

/** Claims exactly this item (the oldest waiting in its campaign and language) and decides on it. */
export async function reviewItem(
  reviewer: TestUser,
  item: ItemView,
  decision: "approve" | "reject" | "request_changes",
  edits?: { instruction?: string; response?: string },
) {
  const lease = await claimItem(viewerOf(reviewer), item);
  await decideReview(viewerOf(reviewer), item.id, {
    version: lease.item.version,
    decision,
    scores: FULL_MARKS,
    comment: decision === "approve" ? "" : "Needs work.",
    ...(edits ? { edits } : {}),
  });
}

/**
 * `count` approved items in bulk, shaped exactly as the review flow leaves them (item, its submitted revision,
 * approved_revision_id pointing at it), for tests that need a release too big to build in an instant.
 * Both inserts run in one statement; the foreign keys between them are checked at its end.
 */
export async function insertApprovedItems(options: { count: number; campaignId: string; authorId: string }): Promise<void> {
  await db().$executeRaw`
    WITH fresh AS (
      SELECT n, gen_random_uuid() AS item_id, gen_random_uuid() AS revision_id,
             (ARRAY['es','ca','eu','gl'])[1 + n % 4]::"Language" AS language,
             'Pregunta de prueba número ' || n || ': ¿qué hace falta para escribir un buen ejemplo de instrucción?' AS instruction,
             'Respuesta número ' || n || ': una instrucción clara, un contexto cuando hace falta y una respuesta completa, correcta y natural.' AS response
      FROM generate_series(1, ${options.count}::int) AS n
    ), inserted_items AS (
      INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, review_round, version,
                         approved_revision_id, submitted_at, approved_at, created_at, updated_at)
      SELECT item_id, ${options.campaignId}::uuid, ${options.authorId}::uuid, language, 'open_qa', 'approved', instruction, response,
             1, 3, revision_id, now(), now(), now(), now()
      FROM fresh
    )
    INSERT INTO item_revisions (id, item_id, number, kind, author_id, category, instruction, response)
    SELECT revision_id, item_id, 1, 'submission', ${options.authorId}::uuid, 'open_qa', instruction, response FROM fresh`;
}
