-- The review queue reads only submitted items, oldest first; a partial index in that order keeps a claim fast
-- whatever the number of approved or drafted items (language and lease are checked while walking it).
-- Prisma's schema language cannot express partial indexes.
-- CreateIndex
CREATE INDEX "items_review_queue_idx" ON "items" ("submitted_at", "id") WHERE "status" = 'submitted';

-- CreateIndex
CREATE INDEX "items_leased_to_id_idx" ON "items"("leased_to_id");
