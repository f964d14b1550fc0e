-- The review queue reads only submitted items, oldest first, per language; a partial index keeps that fast
-- whatever the number of approved or drafted items. Prisma's schema language cannot express partial indexes.
-- CreateIndex
CREATE INDEX "items_review_queue_idx" ON "items" ("language", "submitted_at", "id") WHERE "status" = 'submitted';
