// The author's own items, newest change first, filtered and paginated by cursor. Pages are keyset ranges of the index
// on (author_id, updated_at, id): the next page starts below the cursor item's (updated_at, id), so no page sorts all
// of an author's items, however many they have written.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { listMyItemsQuerySchema, type ItemView } from "@/lib/items/schemas";
import type { ItemCategory, ItemLanguage, ItemStatus, ReviewDecision } from "@/lib/vocabulary";

/** What one row of My work shows: the instruction's opening, never the whole text or the writing counters. */
export interface MyWorkRow {
  id: string;
  instructionStart: string;
  status: ItemStatus;
  language: ItemLanguage;
  category: ItemCategory;
  updatedAt: Date;
  reviewRound: number;
  version: number;
  latestFeedback: { decision: ReviewDecision; comment: string } | null;
}

const INSTRUCTION_START_CHARS = 90;

function myItemsWhere(viewer: Viewer, query: z.output<typeof listMyItemsQuerySchema>): Prisma.Sql {
  const conditions = [Prisma.sql`i.author_id = ${viewer.id}::uuid`];
  if (query.status) conditions.push(Prisma.sql`i.status = ${query.status}::"ItemStatus"`);
  if (query.language) conditions.push(Prisma.sql`i.language = ${query.language}::"Language"`);
  if (query.category) conditions.push(Prisma.sql`i.category = ${query.category}::"Category"`);
  // A cursor that is not one of the viewer's items (deleted since, or someone else's) gives an empty page.
  if (query.cursor) {
    conditions.push(Prisma.sql`(i.updated_at, i.id) < (SELECT c.updated_at, c.id FROM items c
                                 WHERE c.id = ${query.cursor}::uuid AND c.author_id = ${viewer.id}::uuid)`);
  }
  return Prisma.join(conditions, " AND ");
}

function nextCursorOf<T extends { id: string }>(rows: T[], limit: number): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

export async function listMyItems(
  viewer: Viewer,
  query: z.input<typeof listMyItemsQuerySchema> = {},
): Promise<{ items: ItemView[]; nextCursor: string | null }> {
  const parsed = listMyItemsQuerySchema.parse(query);
  const ids = await db().$queryRaw<{ id: string }[]>`
    SELECT i.id::text FROM items i WHERE ${myItemsWhere(viewer, parsed)}
     ORDER BY i.updated_at DESC, i.id DESC LIMIT ${parsed.limit + 1}`;
  const { page, nextCursor } = nextCursorOf(ids, parsed.limit);
  const rows = await db().item.findMany({ where: { id: { in: page.map((row) => row.id) } }, include: ITEM_VIEW_INCLUDE });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return { items: page.flatMap((row) => (byId.has(row.id) ? [toItemView(byId.get(row.id)!)] : [])), nextCursor };
}

/** The same page for the My work screen, in one statement with only what its table shows. */
export async function listMyWorkRows(
  viewer: Viewer,
  query: z.input<typeof listMyItemsQuerySchema> = {},
): Promise<{ items: MyWorkRow[]; nextCursor: string | null }> {
  const parsed = listMyItemsQuerySchema.parse(query);
  const rows = await db().$queryRaw<
    {
      id: string;
      instruction_start: string;
      status: ItemStatus;
      language: ItemLanguage;
      category: ItemCategory;
      updated_at: Date;
      review_round: number;
      version: number;
      decision: ReviewDecision | null;
      comment: string | null;
    }[]
  >`
    SELECT i.id::text, left(i.instruction, ${INSTRUCTION_START_CHARS}) AS instruction_start, i.status::text AS status,
           i.language::text AS language, i.category::text AS category, i.updated_at, i.review_round, i.version,
           r.decision::text AS decision, r.comment
      FROM items i
      LEFT JOIN LATERAL (SELECT decision, comment FROM reviews WHERE item_id = i.id ORDER BY created_at DESC LIMIT 1) r ON true
     WHERE ${myItemsWhere(viewer, parsed)}
     ORDER BY i.updated_at DESC, i.id DESC LIMIT ${parsed.limit + 1}`;
  const { page, nextCursor } = nextCursorOf(rows, parsed.limit);
  return {
    items: page.map((row) => ({
      id: row.id,
      instructionStart: row.instruction_start,
      status: row.status,
      language: row.language,
      category: row.category,
      updatedAt: row.updated_at,
      reviewRound: row.review_round,
      version: row.version,
      latestFeedback: row.decision ? { decision: row.decision, comment: row.comment ?? "" } : null,
    })),
    nextCursor,
  };
}
