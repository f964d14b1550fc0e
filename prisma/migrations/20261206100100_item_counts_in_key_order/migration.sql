-- The counter rows a statement changes are written in key order, so two transactions changing overlapping cells lock
-- them in the same order and never wait on each other in a cycle. In the order the summing left them, a review decision
-- and a concurrent one could each hold one cell's row and wait for the other's (a deadlock, seen with 32 concurrent
-- reviewers deciding).
CREATE OR REPLACE FUNCTION "add_item_count_changes"("changes" "item_count_change"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "campaign_cell_counts" AS c ("campaign_id", "language", "category", "status", "items")
  SELECT "campaign_id", "language", "category", "status", sum("items") FROM unnest("changes")
   GROUP BY 1, 2, 3, 4 HAVING sum("items") <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("campaign_id", "language", "category", "status") DO UPDATE SET "items" = c."items" + EXCLUDED."items";

  INSERT INTO "campaign_approval_hours" AS h ("campaign_id", "language", "hour", "approved", "retracted")
  SELECT "campaign_id", "language", "hour", sum("approved"), sum("retracted")
    FROM (SELECT "campaign_id", "language", "approved_hour" AS "hour", "items" AS "approved", 0 AS "retracted"
            FROM unnest("changes") WHERE "approved_hour" IS NOT NULL
          UNION ALL
          SELECT "campaign_id", "language", "retracted_hour", 0, "items"
            FROM unnest("changes") WHERE "approved_hour" IS NOT NULL AND "retracted_hour" IS NOT NULL) AS "hours"
   GROUP BY 1, 2, 3 HAVING sum("approved") <> 0 OR sum("retracted") <> 0
   ORDER BY 1, 2, 3
  ON CONFLICT ("campaign_id", "language", "hour") DO UPDATE
    SET "approved" = h."approved" + EXCLUDED."approved", "retracted" = h."retracted" + EXCLUDED."retracted";
$$;
