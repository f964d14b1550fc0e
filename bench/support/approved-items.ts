// Approved items for the release benchmark, written straight in SQL (a million items through the use cases would
// take hours): each item with the revision that was approved, as the review flow leaves them.
import { itemFingerprint } from "@/lib/quality/duplicate-fingerprint";
import { CATEGORIES_REQUIRING_CONTEXT, ITEM_CATEGORIES, ITEM_LANGUAGES, ITEM_VARIETIES } from "@/lib/vocabulary";
import { syntheticInstruction, syntheticResponse, syntheticText, type BenchDatabase } from "@/bench/support/bench-database";

const BATCH = 5_000;
/** Bumped whenever what fillApprovedItems writes changes, so a kept database filled the old way is filled again. */
export const APPROVED_ITEMS_FORMAT = 3;

/** 0–999, spread independently of the language (n % 4) and the category. */
const dice = (n: number) => (Math.imul(n, 2654435761) >>> 7) % 1000;
const category = (n: number) => ITEM_CATEGORIES[Math.floor(n / 4) % ITEM_CATEGORIES.length]!;

/**
 * The text of approved item `n`. Lengths as in the other benchmarks (14-word instruction, 60-word response); a
 * 40-word context for the categories that need one and one in ten of the rest, numbers (years, quantities: what
 * makes the PII detectors look closer) in a fifth, and in one in 500 an e-mail address and a phone number that the
 * release must mask.
 */
export function approvedItemText(n: number): { instruction: string; context: string | null; response: string } {
  let response = syntheticResponse(n);
  if (dice(n) % 5 === 1) response += ` Fue en ${1900 + (n % 120)}, a unos ${(n % 900) + 12} kilómetros y ${n % 60},5 grados.`;
  if (dice(n) % 500 === 7) response += ` Escribid a persona${n}@ejemplo.org o llamad al 612 ${String(n % 1000).padStart(3, "0")} 678.`;
  const needsContext = CATEGORIES_REQUIRING_CONTEXT.has(category(n)) || dice(n) % 10 === 3;
  return { instruction: syntheticInstruction(n), context: needsContext ? `${syntheticText(n, 40, 5)}.` : null, response };
}

/**
 * Fills `count` approved items spread over the four languages, every category and `authorIds`: one submission
 * revision each, and for one in ten a reviewer's edit on top that is the approved revision. Nine in ten carry the
 * writing evidence the editor freezes at submission (the others came in by import, which has none); one in twenty of
 * those had their response pasted. Then VACUUM ANALYZE.
 */
export async function fillApprovedItems(
  database: BenchDatabase,
  options: { count: number; campaignId: string; guidelineIds: Record<string, string>; authorIds: string[]; reviewerId: string },
) {
  for (let start = 0; start < options.count; start += BATCH) {
    const ns = Array.from({ length: Math.min(BATCH, options.count - start) }, (_, offset) => start + offset);
    const texts = ns.map(approvedItemText);
    const languages = ns.map((n) => ITEM_LANGUAGES[n % 4]!);
    await database.query(
      `WITH input AS (
         SELECT gen_random_uuid() AS item_id, gen_random_uuid() AS submission_id,
                CASE WHEN dice % 10 = 7 THEN gen_random_uuid() END AS edit_id, t.*
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::uuid[],
                     $13::int[])
              AS t(n, language, category, variety, instruction, context, response, fingerprint, author_id, dice)
       ),
       new_items AS (
         INSERT INTO items (id, campaign_id, guideline_id, author_id, language, variety, category, status, instruction,
                            context, response, source_url, source_license, version, fingerprint, review_round,
                            approved_revision_id, submitted_at, approved_at, created_at, updated_at)
         SELECT item_id, $10::uuid, ($11::jsonb ->> language)::uuid, author_id, language::"Language", variety,
                category::"Category", 'approved', instruction, context, response,
                CASE WHEN dice % 20 = 0 THEN 'https://example.org/source/' || n END,
                CASE WHEN dice % 20 = 0 THEN 'CC BY-SA 4.0' END,
                3, fingerprint, 1, coalesce(edit_id, submission_id),
                timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-02' + n * interval '1 second',
                timestamptz '2025-12-31' + n * interval '1 second', now()
         FROM input
       ),
       submissions AS (
         INSERT INTO item_revisions (id, item_id, number, kind, author_id, variety, category, instruction, context, response,
                                     source_url, source_license, guideline_id, created_at)
         SELECT submission_id, item_id, 1, 'submission', author_id, variety, category::"Category", instruction, context,
                response, CASE WHEN dice % 20 = 0 THEN 'https://example.org/source/' || n END,
                CASE WHEN dice % 20 = 0 THEN 'CC BY-SA 4.0' END, ($11::jsonb ->> language)::uuid,
                timestamptz '2026-01-01' + n * interval '1 second'
         FROM input
       ),
       edits AS (
         INSERT INTO item_revisions (id, item_id, number, kind, author_id, variety, category, instruction, context, response,
                                     source_url, source_license, guideline_id, created_at)
         SELECT edit_id, item_id, 2, 'reviewer_edit', $12::uuid, variety, category::"Category", instruction || ' (revisado)',
                context, response, NULL, NULL, ($11::jsonb ->> language)::uuid,
                timestamptz '2026-01-02' + n * interval '1 second'
         FROM input WHERE edit_id IS NOT NULL
       ),
       evidence AS (
         SELECT item_id, submission_id, author_id, n, length(instruction) AS instruction_chars,
                length(response) AS response_chars, dice % 20 = 4 AS pasted
         FROM input WHERE dice % 10 <> 9
       )
       INSERT INTO writing_evidence (id, item_id, user_id, kind, revision_id, fields, typed_chars, pasted_chars,
                                     inserted_chars, reasons, flags, checked_at, created_at)
       SELECT gen_random_uuid(), item_id, author_id, 'writing', submission_id,
              jsonb_build_object(
                'instruction', jsonb_build_object('typed', instruction_chars, 'pasted', 0, 'dropped', 0, 'other', 0,
                  'restored', 0, 'deleted', n % 40, 'pasteSizes', '[]'::jsonb, 'dropSizes', '[]'::jsonb,
                  'activeMs', instruction_chars * 260, 'longestBurstCpm', 310, 'awayInsertions', 0),
                'response', jsonb_build_object('typed', CASE WHEN pasted THEN 0 ELSE response_chars END,
                  'pasted', CASE WHEN pasted THEN response_chars ELSE 0 END, 'dropped', 0, 'other', 0, 'restored', 0,
                  'deleted', n % 90, 'pasteSizes', CASE WHEN pasted THEN jsonb_build_array(response_chars) ELSE '[]'::jsonb END,
                  'dropSizes', '[]'::jsonb, 'activeMs', response_chars * 240, 'longestBurstCpm', 340, 'awayInsertions', 0)),
              instruction_chars + CASE WHEN pasted THEN 0 ELSE response_chars END,
              CASE WHEN pasted THEN response_chars ELSE 0 END, CASE WHEN pasted THEN response_chars ELSE 0 END,
              '{}', '{}', timestamptz '2026-01-01' + n * interval '1 second', timestamptz '2026-01-01' + n * interval '1 second'
       FROM evidence`,
      [
        ns,
        languages,
        ns.map(category),
        ns.map((n, i) => (dice(n) % 10 === 5 ? ITEM_VARIETIES[languages[i]!][0]! : null)),
        texts.map((text) => text.instruction),
        texts.map((text) => text.context),
        texts.map((text) => text.response),
        texts.map((text) => itemFingerprint(text)),
        ns.map((n) => options.authorIds[n % options.authorIds.length]!),
        options.campaignId,
        JSON.stringify(options.guidelineIds),
        options.reviewerId,
        ns.map(dice),
      ],
    );
    if ((start / BATCH) % 20 === 19) process.stdout.write(`  ${start + ns.length} items\n`);
  }
  await database.query("VACUUM ANALYZE items, item_revisions, writing_evidence");
}
