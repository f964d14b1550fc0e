-- Near-duplicate search (pg_trgm similarity) over instructions and the start of responses.
-- Prisma's schema language cannot express these operator-class indexes; the drift test lists them as hand-written.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "items_instruction_trgm_idx" ON "items" USING GIN ("instruction" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "items_response_prefix_trgm_idx" ON "items" USING GIN ((left("response", 400)) gin_trgm_ops);
