-- My work lists an author's items newest change first, a page at a time by keyset (lib/items/list-my-items.ts):
-- with this index a page is a range read of 50 entries; without it every page sorted all of the author's items.
-- CreateIndex
CREATE INDEX "items_author_id_updated_at_id_idx" ON "items"("author_id", "updated_at", "id");
