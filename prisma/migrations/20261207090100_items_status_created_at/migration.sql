-- The explorer's pages with a status filter, newest or oldest first. Walking items_created_at_id_idx, a page of
-- approved items read every newer draft and submission on the way (11,000 rows for a reviewer's page at a million
-- items: 7 ms from cache, 470 ms from disk); this index walks the status's items only.
CREATE INDEX "items_status_created_at_id_idx" ON "items" ("status", "created_at", "id");
