// The author's own items, newest change first, filtered and paginated by cursor.
import type { z } from "zod";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import { listMyItemsQuerySchema, type ItemView } from "@/lib/items/schemas";

export async function listMyItems(
  viewer: Viewer,
  query: z.input<typeof listMyItemsQuerySchema> = {},
): Promise<{ items: ItemView[]; nextCursor: string | null }> {
  const { status, language, category, limit, cursor } = listMyItemsQuerySchema.parse(query);
  const rows = await db().item.findMany({
    where: { authorId: viewer.id, ...(status ? { status } : {}), ...(language ? { language } : {}), ...(category ? { category } : {}) },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    include: ITEM_VIEW_INCLUDE,
  });
  const page = rows.slice(0, limit);
  return { items: page.map(toItemView), nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}
