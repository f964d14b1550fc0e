-- Campaign progress read from counters instead of the items: at a million items, scanning a campaign's index entries
-- (even index-only) took hundreds of milliseconds. A trigger on items keeps, in the same transaction as every change,
-- the number of items per campaign × language × category × status, and the approvals and retractions (of approved
-- items) per campaign × language × clock hour (UTC hours, so days can be cut at midnight of any whole-hour programme
-- time zone, as active_time does). Progress then reads a few hundred rows whatever the number of items.

-- CreateTable
CREATE TABLE "campaign_cell_counts" (
    "campaign_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "category" "Category" NOT NULL,
    "status" "ItemStatus" NOT NULL,
    "items" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_cell_counts_pkey" PRIMARY KEY ("campaign_id","language","category","status")
);

-- CreateTable
CREATE TABLE "campaign_approval_hours" (
    "campaign_id" UUID NOT NULL,
    "language" "Language" NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "retracted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "campaign_approval_hours_pkey" PRIMARY KEY ("campaign_id","language","hour")
);

CREATE FUNCTION "items_count_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE "campaign_cell_counts" SET "items" = "items" - 1
    WHERE "campaign_id" = OLD."campaign_id" AND "language" = OLD."language" AND "category" = OLD."category" AND "status" = OLD."status";
    IF OLD."approved_at" IS NOT NULL THEN
      UPDATE "campaign_approval_hours" SET "approved" = "approved" - 1
      WHERE "campaign_id" = OLD."campaign_id" AND "language" = OLD."language" AND "hour" = date_trunc('hour', OLD."approved_at", 'UTC');
      IF OLD."retracted_at" IS NOT NULL THEN
        UPDATE "campaign_approval_hours" SET "retracted" = "retracted" - 1
        WHERE "campaign_id" = OLD."campaign_id" AND "language" = OLD."language" AND "hour" = date_trunc('hour', OLD."retracted_at", 'UTC');
      END IF;
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "campaign_cell_counts" ("campaign_id", "language", "category", "status", "items")
    VALUES (NEW."campaign_id", NEW."language", NEW."category", NEW."status", 1)
    ON CONFLICT ("campaign_id", "language", "category", "status") DO UPDATE SET "items" = "campaign_cell_counts"."items" + 1;
    IF NEW."approved_at" IS NOT NULL THEN
      INSERT INTO "campaign_approval_hours" ("campaign_id", "language", "hour", "approved", "retracted")
      VALUES (NEW."campaign_id", NEW."language", date_trunc('hour', NEW."approved_at", 'UTC'), 1, 0)
      ON CONFLICT ("campaign_id", "language", "hour") DO UPDATE SET "approved" = "campaign_approval_hours"."approved" + 1;
      IF NEW."retracted_at" IS NOT NULL THEN
        INSERT INTO "campaign_approval_hours" ("campaign_id", "language", "hour", "approved", "retracted")
        VALUES (NEW."campaign_id", NEW."language", date_trunc('hour', NEW."retracted_at", 'UTC'), 0, 1)
        ON CONFLICT ("campaign_id", "language", "hour") DO UPDATE SET "retracted" = "campaign_approval_hours"."retracted" + 1;
      END IF;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "items_count_progress_insert_delete" AFTER INSERT OR DELETE ON "items"
  FOR EACH ROW EXECUTE FUNCTION "items_count_progress"();

-- Saves of a draft's text change none of these columns and never touch the counters.
CREATE TRIGGER "items_count_progress_update" AFTER UPDATE OF "campaign_id", "language", "category", "status", "approved_at", "retracted_at" ON "items"
  FOR EACH ROW
  WHEN (OLD."campaign_id" IS DISTINCT FROM NEW."campaign_id" OR OLD."language" IS DISTINCT FROM NEW."language"
        OR OLD."category" IS DISTINCT FROM NEW."category" OR OLD."status" IS DISTINCT FROM NEW."status"
        OR OLD."approved_at" IS DISTINCT FROM NEW."approved_at" OR OLD."retracted_at" IS DISTINCT FROM NEW."retracted_at")
  EXECUTE FUNCTION "items_count_progress"();

-- The counters of the items already there.
INSERT INTO "campaign_cell_counts" ("campaign_id", "language", "category", "status", "items")
SELECT "campaign_id", "language", "category", "status", count(*) FROM "items" GROUP BY 1, 2, 3, 4;

INSERT INTO "campaign_approval_hours" ("campaign_id", "language", "hour", "approved", "retracted")
SELECT "campaign_id", "language", "hour", sum("approved"), sum("retracted")
FROM (
  SELECT "campaign_id", "language", date_trunc('hour', "approved_at", 'UTC') AS "hour", 1 AS "approved", 0 AS "retracted"
  FROM "items" WHERE "approved_at" IS NOT NULL
  UNION ALL
  SELECT "campaign_id", "language", date_trunc('hour', "retracted_at", 'UTC'), 0, 1
  FROM "items" WHERE "approved_at" IS NOT NULL AND "retracted_at" IS NOT NULL
) AS "events"
GROUP BY 1, 2, 3;

-- The approvals index of the first version is no longer read.
DROP INDEX "items_campaign_approvals_idx";
