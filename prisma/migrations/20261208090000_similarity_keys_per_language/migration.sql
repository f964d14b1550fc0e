-- Band keys carry their text's language (lib/quality/similarity-keys.ts, LANGUAGE_CODES), so a near-duplicate lookup
-- reads from the table only texts of its own language. Before, texts of the three other languages that shared a band
-- by chance were fetched and then filtered out: at 1,000,000 items, about three in four of the rows a lookup read.
-- A stored key becomes key + code * 2^44 (es 1, ca 2, eu 3, gl 4), exactly what the code now computes for the same
-- text, so no item's text has to be read again.
-- The index is dropped and built again rather than updated key by key (32 entries per item), and the statement-level
-- progress trigger is off for this one UPDATE: it would join a million old rows to a million new ones to find that no
-- counted column changed. The migration's transaction holds the table's exclusive lock throughout (DROP INDEX), so
-- no other write can slip past the trigger while it is off.
SET LOCAL maintenance_work_mem = '256MB';
DROP INDEX "items_similarity_keys_idx";
ALTER TABLE "items" DISABLE TRIGGER "items_count_updates";
UPDATE "items"
   SET "similarity_keys" = ARRAY(
         SELECT k.key + (CASE "language" WHEN 'es' THEN 1 WHEN 'ca' THEN 2 WHEN 'eu' THEN 3 WHEN 'gl' THEN 4 END)::bigint * 17592186044416
           FROM unnest("similarity_keys") WITH ORDINALITY AS k(key, position)
          ORDER BY k.position)
 WHERE cardinality("similarity_keys") > 0;
ALTER TABLE "items" ENABLE TRIGGER "items_count_updates";
CREATE INDEX "items_similarity_keys_idx" ON "items" USING GIN ("similarity_keys") WITH (fastupdate = off);
