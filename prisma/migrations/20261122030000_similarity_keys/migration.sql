-- Near-duplicate search by MinHash band keys (lib/quality/similarity-keys.ts) instead of trigram indexes:
-- at a million items the trigram GIN indexes read long posting lists for common trigrams (p95 ~1 s);
-- band keys are near-unique, so a lookup is a few exact probes of one GIN index.
-- AlterTable
ALTER TABLE "items" ADD COLUMN "similarity_keys" BIGINT[];

-- CreateIndex
CREATE INDEX "items_similarity_keys_idx" ON "items" USING GIN ("similarity_keys");

-- DropIndex
DROP INDEX "items_instruction_trgm_idx";

-- DropIndex
DROP INDEX "items_response_prefix_trgm_idx";
