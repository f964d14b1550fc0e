-- The campaign's cell counts and approval hours follow `items` once per statement instead of once per row. Per row, a
-- statement writing many items of one cell (an import batch, a bulk retraction, `escriba seed --synthetic`) updated
-- the same counter row once per item within one transaction: each update left a row version nobody could clean up
-- before the commit, and each next update of that row walked past all of them, so the statement's time grew with the
-- square of its rows (a 1,000,000-item synthetic programme was still in the trigger after 40 minutes, with 52 MB of
-- versions for a table of a few hundred rows). Now each statement's rows are summed per cell and hour first and each
-- counter row is written once. Counts are unchanged: they are consistent already, so nothing is recounted.

DROP TRIGGER "items_count_progress_insert_delete" ON "items";
DROP TRIGGER "items_count_progress_update" ON "items";
DROP FUNCTION "items_count_progress"();

-- A statement's rows summed per cell and per approval and retraction hour, signed: +n for rows added, -n for rows taken.
CREATE TYPE "item_count_change" AS (
  "campaign_id" UUID,
  "language" "Language",
  "category" "Category",
  "status" "ItemStatus",
  "approved_hour" TIMESTAMPTZ(3),
  "retracted_hour" TIMESTAMPTZ(3),
  "items" BIGINT
);

CREATE FUNCTION "add_item_count_changes"("changes" "item_count_change"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "campaign_cell_counts" AS c ("campaign_id", "language", "category", "status", "items")
  SELECT "campaign_id", "language", "category", "status", sum("items") FROM unnest("changes")
   GROUP BY 1, 2, 3, 4 HAVING sum("items") <> 0
  ON CONFLICT ("campaign_id", "language", "category", "status") DO UPDATE SET "items" = c."items" + EXCLUDED."items";

  INSERT INTO "campaign_approval_hours" AS h ("campaign_id", "language", "hour", "approved", "retracted")
  SELECT "campaign_id", "language", "hour", sum("approved"), sum("retracted")
    FROM (SELECT "campaign_id", "language", "approved_hour" AS "hour", "items" AS "approved", 0 AS "retracted"
            FROM unnest("changes") WHERE "approved_hour" IS NOT NULL
          UNION ALL
          SELECT "campaign_id", "language", "retracted_hour", 0, "items"
            FROM unnest("changes") WHERE "approved_hour" IS NOT NULL AND "retracted_hour" IS NOT NULL) AS "hours"
   GROUP BY 1, 2, 3 HAVING sum("approved") <> 0 OR sum("retracted") <> 0
  ON CONFLICT ("campaign_id", "language", "hour") DO UPDATE
    SET "approved" = h."approved" + EXCLUDED."approved", "retracted" = h."retracted" + EXCLUDED."retracted";
$$;

CREATE FUNCTION "items_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "add_item_count_changes"(ARRAY(
    SELECT ROW(g.*)::"item_count_change"
      FROM (SELECT "campaign_id", "language", "category", "status", date_trunc('hour', "approved_at", 'UTC'),
                   date_trunc('hour', "retracted_at", 'UTC'), count(*)
              FROM "new_rows" GROUP BY 1, 2, 3, 4, 5, 6) AS g));
  RETURN NULL;
END;
$$;

CREATE FUNCTION "items_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "add_item_count_changes"(ARRAY(
    SELECT ROW(g.*)::"item_count_change"
      FROM (SELECT "campaign_id", "language", "category", "status", date_trunc('hour', "approved_at", 'UTC'),
                   date_trunc('hour', "retracted_at", 'UTC'), -count(*)
              FROM "old_rows" GROUP BY 1, 2, 3, 4, 5, 6) AS g));
  RETURN NULL;
END;
$$;

-- Every UPDATE of items fires it (a trigger with transition tables cannot name columns), saves included: only the
-- rows whose counted columns changed are summed, and a statement without any writes nothing.
CREATE FUNCTION "items_count_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "add_item_count_changes"(ARRAY(
    SELECT ROW(g.*)::"item_count_change" FROM (
    SELECT c."campaign_id", c."language", c."category", c."status", c."approved_hour", c."retracted_hour", sum(c."sign")
      FROM "old_rows" o JOIN "new_rows" n ON n."id" = o."id"
      CROSS JOIN LATERAL (VALUES
        (o."campaign_id", o."language", o."category", o."status", date_trunc('hour', o."approved_at", 'UTC'), date_trunc('hour', o."retracted_at", 'UTC'), -1),
        (n."campaign_id", n."language", n."category", n."status", date_trunc('hour', n."approved_at", 'UTC'), date_trunc('hour', n."retracted_at", 'UTC'), 1)
      ) AS c("campaign_id", "language", "category", "status", "approved_hour", "retracted_hour", "sign")
     WHERE (o."campaign_id", o."language", o."category", o."status", o."approved_at", o."retracted_at")
           IS DISTINCT FROM (n."campaign_id", n."language", n."category", n."status", n."approved_at", n."retracted_at")
     GROUP BY 1, 2, 3, 4, 5, 6) AS g));
  RETURN NULL;
END;
$$;

CREATE TRIGGER "items_count_inserts" AFTER INSERT ON "items"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "items_count_inserted"();
CREATE TRIGGER "items_count_updates" AFTER UPDATE ON "items"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "items_count_updated"();
CREATE TRIGGER "items_count_deletes" AFTER DELETE ON "items"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "items_count_deleted"();
