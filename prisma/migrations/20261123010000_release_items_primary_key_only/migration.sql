-- Freezing a release wrote one row per item and checked three foreign keys and a second index for each: over
-- half the time for a million items. The rows are written once by one INSERT … SELECT and never change; releases,
-- approved items and their revisions are never deleted; and the builder reads each language with a hash join,
-- not through the index. Only the primary key stays.
ALTER TABLE "release_items" DROP CONSTRAINT IF EXISTS "release_items_release_id_fkey";
ALTER TABLE "release_items" DROP CONSTRAINT IF EXISTS "release_items_item_id_fkey";
ALTER TABLE "release_items" DROP CONSTRAINT IF EXISTS "release_items_revision_id_fkey";
DROP INDEX IF EXISTS "release_items_release_id_language_item_id_idx";
