// The explorer's page of items: the filters, one order and a keyset cursor, so the millionth item costs what the first does.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { explorerConditions, whereOf } from "@/lib/explorer/explorer-conditions";
import { decodeExplorerCursor, encodeExplorerCursor } from "@/lib/explorer/explorer-cursor";
import { explorerQuerySchema, type ExplorerPage, type ExplorerSort } from "@/lib/explorer/schemas";

const SORT_COLUMN: Record<ExplorerSort, Prisma.Sql> = {
  newest: Prisma.sql`i.created_at`,
  oldest: Prisma.sql`i.created_at`,
};

/** Rows walked in order before the word index is asked instead. */
const TEXT_WALK_WINDOW = 5000;
/** What a page shows of an item, and what its text match reads besides. */
const PAGE_COLUMNS = Prisma.sql`i.id, i.campaign_id, i.language, i.variety, i.category, i.status, i.author_id, i.instruction,
  i.guideline_id, i.created_at, i.updated_at`;
const WALKED_COLUMNS = Prisma.sql`${PAGE_COLUMNS}, i.search_vector`;

interface ExplorerRowRecord {
  id: string;
  campaign_id: string;
  campaign_name: string;
  language: ExplorerPage["items"][number]["language"];
  variety: string | null;
  category: ExplorerPage["items"][number]["category"];
  status: ExplorerPage["items"][number]["status"];
  author_name: string;
  instruction: string;
  guideline_version: number | null;
  created_at: Date;
  updated_at: Date;
  sort_at: Date;
}

export async function searchItems(viewer: Viewer, input: z.input<typeof explorerQuerySchema>): Promise<ExplorerPage> {
  assertRole(viewer, "reviewer");
  const query = explorerQuerySchema.parse(input);
  const conditions = explorerConditions(viewer, query);
  const column = SORT_COLUMN[query.sort];
  const descending = query.sort !== "oldest";
  if (query.cursor) {
    // The schema has already refused text that is not a cursor.
    const cursor = decodeExplorerCursor(query.cursor)!;
    conditions.set(
      "cursor",
      descending
        ? Prisma.sql`(${column}, i.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        : Prisma.sql`(${column}, i.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const order = descending ? Prisma.sql`${column} DESC, i.id DESC` : Prisma.sql`${column} ASC, i.id ASC`;
  // The page is chosen first and its names joined after: joined before, a hash join would give up the index's order,
  // and every row the filters find (or a whole walked window) would be read and sorted to keep a page of them.
  const pageFrom = (from: Prisma.Sql, where: Prisma.Sql) => db().$queryRaw<ExplorerRowRecord[]>`
    SELECT i.id, i.campaign_id, c.name AS campaign_name, i.language, i.variety, i.category, i.status,
           u.name AS author_name, left(i.instruction, 300) AS instruction, g.version AS guideline_version,
           i.created_at, i.updated_at, ${column} AS sort_at
    FROM (SELECT ${PAGE_COLUMNS} FROM ${from} ${where} ORDER BY ${order} LIMIT ${query.limit + 1}) i
    JOIN campaigns c ON c.id = i.campaign_id
    JOIN users u ON u.id = i.author_id
    LEFT JOIN guidelines g ON g.id = i.guideline_id
    ORDER BY ${order}`;
  const words = conditions.get("q");
  let rows: ExplorerRowRecord[] | null = null;
  if (words) {
    // Common words match tens of thousands of items, which the word index hands over unordered, to be sorted whole.
    // Walking the newest items the other filters leave and matching the words one by one finds a page of them in a
    // few thousand rows; only when that window holds less than a page (rare words) does the word index answer.
    const window = Prisma.sql`(SELECT ${WALKED_COLUMNS} FROM items i ${whereOf(conditions, ["q"])} ORDER BY ${order} LIMIT ${TEXT_WALK_WINDOW}) i`;
    const walked = await pageFrom(window, Prisma.sql`WHERE ${words}`);
    if (walked.length > query.limit) rows = walked;
  }
  rows ??= await pageFrom(Prisma.sql`items i`, whereOf(conditions));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      campaignName: row.campaign_name,
      language: row.language,
      variety: row.variety,
      category: row.category,
      status: row.status,
      authorName: row.author_name,
      instruction: row.instruction,
      guidelineVersion: row.guideline_version,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeExplorerCursor({ at: last.sort_at.toISOString(), id: last.id }) : null,
  };
}
