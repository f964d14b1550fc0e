// One item, for whoever may see it (see item-access.ts).
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { canSeeItem } from "@/lib/items/item-access";
import { ITEM_VIEW_INCLUDE, toItemView } from "@/lib/items/item-view";
import type { ItemView } from "@/lib/items/schemas";

export async function getItem(viewer: Viewer, itemId: string): Promise<ItemView> {
  if (!isUuid(itemId)) throw notFound("Item");
  const item = await db().item.findUnique({ where: { id: itemId }, include: ITEM_VIEW_INCLUDE });
  if (!item || !canSeeItem(viewer, item)) throw notFound("Item");
  return toItemView(item);
}
