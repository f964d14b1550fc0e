-- The productivity report read from daily roll-ups instead of its source tables: at 1,000,000 items, 500 people and
-- 12 months, aggregating a month of item_revisions, review_outcomes, reviews, active_time and earnings took 1.5–3.7 s
-- even from covering indexes. Triggers keep, in the same transaction as every change of a source row, one row per
-- person × campaign × local day of the programme: what the person did as an author, as a reviewer, and what they
-- earned (per kind and currency, in integer cents: sums of integers are several times cheaper than of numerics), and
-- how many of the items they were paid for have been retracted since. Each also has one row per person × calendar
-- month × campaign (whole_month), so a month of everyone is about 1,500 rows, not 50,000; and everyone's daily series
-- comes from productivity_programme_days (per day × campaign, in a few shards so that concurrent writers rarely wait
-- on one row). A month of everyone is then a few thousand rows whatever the number of items.
--
-- Days are local days of the programme's time zone, which the database must know for the triggers: it is kept in
-- programme_settings, and the app rewrites it from ESCRIBA_PROGRAMME_TIME_ZONE at every migration run, rebuilding the
-- roll-ups when it changed (lib/productivity/day-rollups.ts). Active time is kept per UTC clock hour; an hour counts
-- on the local day it begins in (exact for whole-hour zones, as before).

-- CreateTable
CREATE TABLE "programme_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "time_zone" TEXT NOT NULL,

    CONSTRAINT "programme_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "programme_settings_single_row" CHECK ("id")
);

INSERT INTO "programme_settings" ("id", "time_zone") VALUES (true, 'Europe/Madrid');

-- CreateTable
CREATE TABLE "productivity_author_days" (
    "user_id" UUID NOT NULL,
    "whole_month" BOOLEAN NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "submitted" INTEGER NOT NULL DEFAULT 0,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "sent_back" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "first_pass_decided" INTEGER NOT NULL DEFAULT 0,
    "first_pass_approved" INTEGER NOT NULL DEFAULT 0,
    "writing_seconds" INTEGER NOT NULL DEFAULT 0,
    "retracted_paid_items" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "productivity_author_days_pkey" PRIMARY KEY ("user_id","whole_month","day","campaign_id")
);

-- CreateTable
CREATE TABLE "productivity_reviewer_days" (
    "user_id" UUID NOT NULL,
    "whole_month" BOOLEAN NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "approve" INTEGER NOT NULL DEFAULT 0,
    "request_changes" INTEGER NOT NULL DEFAULT 0,
    "reject" INTEGER NOT NULL DEFAULT 0,
    "reviewing_seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "productivity_reviewer_days_pkey" PRIMARY KEY ("user_id","whole_month","day","campaign_id")
);

-- CreateTable
CREATE TABLE "productivity_earning_days" (
    "user_id" UUID NOT NULL,
    "whole_month" BOOLEAN NOT NULL,
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "kind" "EarningKind" NOT NULL,
    "currency" TEXT NOT NULL,
    "amount_cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "productivity_earning_days_pkey" PRIMARY KEY ("user_id","whole_month","day","campaign_id","kind","currency")
);

-- CreateTable
CREATE TABLE "productivity_programme_days" (
    "day" DATE NOT NULL,
    "campaign_id" UUID NOT NULL,
    "shard" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "writing_seconds" INTEGER NOT NULL DEFAULT 0,
    "reviewing_seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "productivity_programme_days_pkey" PRIMARY KEY ("day","campaign_id","shard")
);

-- CreateIndex
CREATE INDEX "productivity_author_days_whole_month_day_idx" ON "productivity_author_days"("whole_month", "day");

-- CreateIndex
CREATE INDEX "productivity_reviewer_days_whole_month_day_idx" ON "productivity_reviewer_days"("whole_month", "day");

-- CreateIndex
CREATE INDEX "productivity_earning_days_whole_month_day_idx" ON "productivity_earning_days"("whole_month", "day");

-- The local date of an instant in the programme's time zone.
CREATE FUNCTION "programme_day"("instant" TIMESTAMPTZ) RETURNS DATE LANGUAGE sql STABLE AS $$
  SELECT ("instant" AT TIME ZONE (SELECT "time_zone" FROM "programme_settings"))::date
$$;

-- Everyone's day in a campaign. The shard is the writer's backend, so one transaction touches one row per day and
-- campaign and two transactions rarely share one. Each add_* function takes this row first, before the person's rows:
-- transactions that meet here wait before holding anything else, so they cannot deadlock on the person's rows.
CREATE FUNCTION "add_programme_day"("p_day" DATE, "p_campaign" UUID, "p_approved" INTEGER, "p_reviews" INTEGER,
    "p_writing_seconds" INTEGER, "p_reviewing_seconds" INTEGER) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "productivity_programme_days" AS d ("day", "campaign_id", "shard", "approved", "reviews", "writing_seconds", "reviewing_seconds")
  VALUES ("p_day", "p_campaign", pg_backend_pid() % 16, "p_approved", "p_reviews", "p_writing_seconds", "p_reviewing_seconds")
  ON CONFLICT ("day", "campaign_id", "shard") DO UPDATE SET
    "approved" = d."approved" + EXCLUDED."approved",
    "reviews" = d."reviews" + EXCLUDED."reviews",
    "writing_seconds" = d."writing_seconds" + EXCLUDED."writing_seconds",
    "reviewing_seconds" = d."reviewing_seconds" + EXCLUDED."reviewing_seconds"
$$;

-- A person's day and month (whole_month, keyed by the month's first day) change together, in one statement.
CREATE FUNCTION "add_author_day"("p_user" UUID, "p_day" DATE, "p_campaign" UUID, "p_submitted" INTEGER, "p_approved" INTEGER,
    "p_sent_back" INTEGER, "p_rejected" INTEGER, "p_first_pass_decided" INTEGER, "p_first_pass_approved" INTEGER,
    "p_writing_seconds" INTEGER, "p_retracted_paid_items" INTEGER) RETURNS void LANGUAGE sql AS $$
  SELECT "add_programme_day"("p_day", "p_campaign", "p_approved", 0, "p_writing_seconds", 0);
  INSERT INTO "productivity_author_days" AS d ("user_id", "whole_month", "day", "campaign_id", "submitted", "approved", "sent_back",
      "rejected", "first_pass_decided", "first_pass_approved", "writing_seconds", "retracted_paid_items")
  SELECT "p_user", "span"."whole_month", "span"."day", "p_campaign", "p_submitted", "p_approved", "p_sent_back", "p_rejected",
      "p_first_pass_decided", "p_first_pass_approved", "p_writing_seconds", "p_retracted_paid_items"
  FROM (VALUES (false, "p_day"), (true, date_trunc('month', "p_day")::date)) AS "span" ("whole_month", "day")
  ON CONFLICT ("user_id", "whole_month", "day", "campaign_id") DO UPDATE SET
    "submitted" = d."submitted" + EXCLUDED."submitted",
    "approved" = d."approved" + EXCLUDED."approved",
    "sent_back" = d."sent_back" + EXCLUDED."sent_back",
    "rejected" = d."rejected" + EXCLUDED."rejected",
    "first_pass_decided" = d."first_pass_decided" + EXCLUDED."first_pass_decided",
    "first_pass_approved" = d."first_pass_approved" + EXCLUDED."first_pass_approved",
    "writing_seconds" = d."writing_seconds" + EXCLUDED."writing_seconds",
    "retracted_paid_items" = d."retracted_paid_items" + EXCLUDED."retracted_paid_items";
$$;

CREATE FUNCTION "add_reviewer_day"("p_user" UUID, "p_day" DATE, "p_campaign" UUID, "p_approve" INTEGER,
    "p_request_changes" INTEGER, "p_reject" INTEGER, "p_reviewing_seconds" INTEGER) RETURNS void LANGUAGE sql AS $$
  SELECT "add_programme_day"("p_day", "p_campaign", 0, "p_approve" + "p_request_changes" + "p_reject", 0, "p_reviewing_seconds");
  INSERT INTO "productivity_reviewer_days" AS d ("user_id", "whole_month", "day", "campaign_id", "approve", "request_changes", "reject",
      "reviewing_seconds")
  SELECT "p_user", "span"."whole_month", "span"."day", "p_campaign", "p_approve", "p_request_changes", "p_reject", "p_reviewing_seconds"
  FROM (VALUES (false, "p_day"), (true, date_trunc('month', "p_day")::date)) AS "span" ("whole_month", "day")
  ON CONFLICT ("user_id", "whole_month", "day", "campaign_id") DO UPDATE SET
    "approve" = d."approve" + EXCLUDED."approve",
    "request_changes" = d."request_changes" + EXCLUDED."request_changes",
    "reject" = d."reject" + EXCLUDED."reject",
    "reviewing_seconds" = d."reviewing_seconds" + EXCLUDED."reviewing_seconds";
$$;

-- Each trigger takes back what the old row counted and adds what the new row counts, so inserts, updates and
-- deletes all keep the days exact. Rows that tables without a campaign column reach through their item: the item
-- still exists when they change (items_release_active_time below deletes a draft's hours before the draft).

CREATE FUNCTION "item_revisions_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "row" "item_revisions";
  "sign" INTEGER;
  "campaign" UUID;
BEGIN
  FOREACH "sign" IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[1] WHEN 'DELETE' THEN ARRAY[-1] ELSE ARRAY[-1, 1] END LOOP
    "row" := CASE WHEN "sign" < 0 THEN OLD ELSE NEW END;
    CONTINUE WHEN "row"."kind" <> 'submission';
    SELECT "campaign_id" INTO "campaign" FROM "items" WHERE "id" = "row"."item_id";
    CONTINUE WHEN "campaign" IS NULL;
    PERFORM "add_author_day"("row"."author_id", "programme_day"("row"."created_at"), "campaign", "sign", 0, 0, 0, 0, 0, 0, 0);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "review_outcomes_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "row" "review_outcomes";
  "sign" INTEGER;
BEGIN
  FOREACH "sign" IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[1] WHEN 'DELETE' THEN ARRAY[-1] ELSE ARRAY[-1, 1] END LOOP
    "row" := CASE WHEN "sign" < 0 THEN OLD ELSE NEW END;
    PERFORM "add_author_day"("row"."author_id", "programme_day"("row"."decided_at"), "row"."campaign_id", 0,
      "sign" * ("row"."outcome" = 'approved')::int,
      "sign" * ("row"."outcome" = 'changes_requested')::int,
      "sign" * ("row"."outcome" = 'rejected')::int,
      "sign" * ("row"."round" = 1)::int,
      "sign" * ("row"."round" = 1 AND "row"."outcome" = 'approved')::int,
      0, 0);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "reviews_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "row" "reviews";
  "sign" INTEGER;
  "campaign" UUID;
BEGIN
  FOREACH "sign" IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[1] WHEN 'DELETE' THEN ARRAY[-1] ELSE ARRAY[-1, 1] END LOOP
    "row" := CASE WHEN "sign" < 0 THEN OLD ELSE NEW END;
    SELECT "campaign_id" INTO "campaign" FROM "items" WHERE "id" = "row"."item_id";
    CONTINUE WHEN "campaign" IS NULL;
    PERFORM "add_reviewer_day"("row"."reviewer_id", "programme_day"("row"."created_at"), "campaign",
      "sign" * ("row"."decision" = 'approve')::int,
      "sign" * ("row"."decision" = 'request_changes')::int,
      "sign" * ("row"."decision" = 'reject')::int,
      0);
  END LOOP;
  RETURN NULL;
END;
$$;

CREATE FUNCTION "active_time_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "row" "active_time";
  "sign" INTEGER;
  "campaign" UUID;
BEGIN
  FOREACH "sign" IN ARRAY CASE TG_OP WHEN 'INSERT' THEN ARRAY[1] WHEN 'DELETE' THEN ARRAY[-1] ELSE ARRAY[-1, 1] END LOOP
    "row" := CASE WHEN "sign" < 0 THEN OLD ELSE NEW END;
    SELECT "campaign_id" INTO "campaign" FROM "items" WHERE "id" = "row"."item_id";
    CONTINUE WHEN "campaign" IS NULL;
    IF "row"."kind" = 'writing' THEN
      PERFORM "add_author_day"("row"."user_id", "programme_day"("row"."hour"), "campaign", 0, 0, 0, 0, 0, 0, "sign" * "row"."active_seconds", 0);
    ELSE
      PERFORM "add_reviewer_day"("row"."user_id", "programme_day"("row"."hour"), "campaign", 0, 0, 0, "sign" * "row"."active_seconds");
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;

-- Earnings are append-only (earnings_append_only), so only inserts count. An item is paid before it can be retracted,
-- but rows written by plain SQL (imports, the synthetic programme) may come in any order: an earning for an item
-- already retracted is counted as retracted at once.
CREATE FUNCTION "earnings_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "productivity_earning_days" AS d ("user_id", "whole_month", "day", "campaign_id", "kind", "currency", "amount_cents")
  SELECT NEW."user_id", "span"."whole_month", "span"."day", NEW."campaign_id", NEW."kind", NEW."currency", (NEW."amount" * 100)::bigint
  FROM (VALUES (false, "programme_day"(NEW."earned_at")), (true, date_trunc('month', "programme_day"(NEW."earned_at"))::date))
    AS "span" ("whole_month", "day")
  ON CONFLICT ("user_id", "whole_month", "day", "campaign_id", "kind", "currency") DO UPDATE SET "amount_cents" = d."amount_cents" + EXCLUDED."amount_cents";
  IF NEW."kind" = 'item' AND EXISTS (SELECT FROM "items" WHERE "id" = NEW."subject_id" AND "status" = 'retracted') THEN
    PERFORM "add_author_day"(NEW."user_id", "programme_day"(NEW."earned_at"), NEW."campaign_id", 0, 0, 0, 0, 0, 0, 0, 1);
  END IF;
  RETURN NULL;
END;
$$;

-- An item paid and later retracted stays paid; the report counts it on the day it was earned, as a note.
CREATE FUNCTION "items_count_retracted_paid"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "earning" RECORD;
BEGIN
  SELECT "user_id", "earned_at", "campaign_id" INTO "earning" FROM "earnings" WHERE "kind" = 'item' AND "subject_id" = NEW."id";
  IF FOUND THEN
    PERFORM "add_author_day"("earning"."user_id", "programme_day"("earning"."earned_at"), "earning"."campaign_id", 0, 0, 0, 0, 0, 0, 0,
      CASE WHEN NEW."status" = 'retracted' THEN 1 ELSE -1 END);
  END IF;
  RETURN NULL;
END;
$$;

-- A deleted draft's hours leave the days while the draft still exists (a cascade would run after it is gone, when
-- the hours' campaign can no longer be found).
CREATE FUNCTION "items_release_active_time"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "active_time" WHERE "item_id" = OLD."id";
  RETURN OLD;
END;
$$;

CREATE TRIGGER "item_revisions_count_days" AFTER INSERT OR DELETE OR UPDATE OF "kind", "author_id", "created_at", "item_id" ON "item_revisions"
  FOR EACH ROW EXECUTE FUNCTION "item_revisions_count_days"();
CREATE TRIGGER "review_outcomes_count_days" AFTER INSERT OR DELETE OR UPDATE ON "review_outcomes"
  FOR EACH ROW EXECUTE FUNCTION "review_outcomes_count_days"();
CREATE TRIGGER "reviews_count_days" AFTER INSERT OR DELETE OR UPDATE OF "decision", "reviewer_id", "created_at", "item_id" ON "reviews"
  FOR EACH ROW EXECUTE FUNCTION "reviews_count_days"();
CREATE TRIGGER "active_time_count_days" AFTER INSERT OR DELETE OR UPDATE ON "active_time"
  FOR EACH ROW EXECUTE FUNCTION "active_time_count_days"();
CREATE TRIGGER "earnings_count_days" AFTER INSERT ON "earnings"
  FOR EACH ROW EXECUTE FUNCTION "earnings_count_days"();
CREATE TRIGGER "items_count_retracted_paid" AFTER UPDATE OF "status" ON "items"
  FOR EACH ROW WHEN ((OLD."status" = 'retracted') IS DISTINCT FROM (NEW."status" = 'retracted'))
  EXECUTE FUNCTION "items_count_retracted_paid"();
CREATE TRIGGER "items_release_active_time" BEFORE DELETE ON "items"
  FOR EACH ROW EXECUTE FUNCTION "items_release_active_time"();

-- The days from the source tables, in the zone programme_settings holds: fills them now, and again whenever the
-- programme's time zone changes. Locks the sources against writes meanwhile so no change falls between.
CREATE FUNCTION "rebuild_productivity_days"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "items", "item_revisions", "review_outcomes", "reviews", "active_time", "earnings" IN SHARE MODE;
  TRUNCATE "productivity_author_days", "productivity_reviewer_days", "productivity_earning_days", "productivity_programme_days";

  INSERT INTO "productivity_author_days" ("user_id", "whole_month", "day", "campaign_id", "submitted", "approved", "sent_back", "rejected",
      "first_pass_decided", "first_pass_approved", "writing_seconds", "retracted_paid_items")
  SELECT "user_id", false, "day", "campaign_id", sum("submitted"), sum("approved"), sum("sent_back"), sum("rejected"),
         sum("first_pass_decided"), sum("first_pass_approved"), sum("writing_seconds"), sum("retracted_paid_items")
  FROM (
    SELECT r."author_id" AS "user_id", "programme_day"(r."created_at") AS "day", i."campaign_id",
           1 AS "submitted", 0 AS "approved", 0 AS "sent_back", 0 AS "rejected", 0 AS "first_pass_decided",
           0 AS "first_pass_approved", 0 AS "writing_seconds", 0 AS "retracted_paid_items"
    FROM "item_revisions" r JOIN "items" i ON i."id" = r."item_id"
    WHERE r."kind" = 'submission'
    UNION ALL
    SELECT "author_id", "programme_day"("decided_at"), "campaign_id", 0, ("outcome" = 'approved')::int,
           ("outcome" = 'changes_requested')::int, ("outcome" = 'rejected')::int, ("round" = 1)::int,
           ("round" = 1 AND "outcome" = 'approved')::int, 0, 0
    FROM "review_outcomes"
    UNION ALL
    SELECT a."user_id", "programme_day"(a."hour"), i."campaign_id", 0, 0, 0, 0, 0, 0, a."active_seconds", 0
    FROM "active_time" a JOIN "items" i ON i."id" = a."item_id"
    WHERE a."kind" = 'writing'
    UNION ALL
    SELECT e."user_id", "programme_day"(e."earned_at"), e."campaign_id", 0, 0, 0, 0, 0, 0, 0, 1
    FROM "earnings" e JOIN "items" i ON i."id" = e."subject_id"
    WHERE e."kind" = 'item' AND i."status" = 'retracted'
  ) AS "events"
  GROUP BY 1, 3, 4;

  INSERT INTO "productivity_reviewer_days" ("user_id", "whole_month", "day", "campaign_id", "approve", "request_changes", "reject", "reviewing_seconds")
  SELECT "user_id", false, "day", "campaign_id", sum("approve"), sum("request_changes"), sum("reject"), sum("reviewing_seconds")
  FROM (
    SELECT r."reviewer_id" AS "user_id", "programme_day"(r."created_at") AS "day", i."campaign_id",
           (r."decision" = 'approve')::int AS "approve", (r."decision" = 'request_changes')::int AS "request_changes",
           (r."decision" = 'reject')::int AS "reject", 0 AS "reviewing_seconds"
    FROM "reviews" r JOIN "items" i ON i."id" = r."item_id"
    UNION ALL
    SELECT a."user_id", "programme_day"(a."hour"), i."campaign_id", 0, 0, 0, a."active_seconds"
    FROM "active_time" a JOIN "items" i ON i."id" = a."item_id"
    WHERE a."kind" = 'reviewing'
  ) AS "events"
  GROUP BY 1, 3, 4;

  INSERT INTO "productivity_earning_days" ("user_id", "whole_month", "day", "campaign_id", "kind", "currency", "amount_cents")
  SELECT "user_id", false, "programme_day"("earned_at"), "campaign_id", "kind", "currency", sum(("amount" * 100)::bigint)
  FROM "earnings"
  GROUP BY 1, 3, 4, 5, 6;

  -- The months and everyone's days, from the days.
  INSERT INTO "productivity_author_days" ("user_id", "whole_month", "day", "campaign_id", "submitted", "approved", "sent_back", "rejected",
      "first_pass_decided", "first_pass_approved", "writing_seconds", "retracted_paid_items")
  SELECT "user_id", true, date_trunc('month', "day")::date, "campaign_id", sum("submitted"), sum("approved"), sum("sent_back"),
         sum("rejected"), sum("first_pass_decided"), sum("first_pass_approved"), sum("writing_seconds"), sum("retracted_paid_items")
  FROM "productivity_author_days" WHERE NOT "whole_month" GROUP BY 1, 3, 4;
  INSERT INTO "productivity_reviewer_days" ("user_id", "whole_month", "day", "campaign_id", "approve", "request_changes", "reject", "reviewing_seconds")
  SELECT "user_id", true, date_trunc('month', "day")::date, "campaign_id", sum("approve"), sum("request_changes"), sum("reject"),
         sum("reviewing_seconds")
  FROM "productivity_reviewer_days" WHERE NOT "whole_month" GROUP BY 1, 3, 4;
  INSERT INTO "productivity_earning_days" ("user_id", "whole_month", "day", "campaign_id", "kind", "currency", "amount_cents")
  SELECT "user_id", true, date_trunc('month', "day")::date, "campaign_id", "kind", "currency", sum("amount_cents")
  FROM "productivity_earning_days" WHERE NOT "whole_month" GROUP BY 1, 3, 4, 5, 6;
  INSERT INTO "productivity_programme_days" ("day", "campaign_id", "shard", "approved", "reviews", "writing_seconds", "reviewing_seconds")
  SELECT "day", "campaign_id", 0, sum("approved"), sum("reviews"), sum("writing_seconds"), sum("reviewing_seconds")
  FROM (
    SELECT "day", "campaign_id", "approved", 0 AS "reviews", "writing_seconds", 0 AS "reviewing_seconds"
    FROM "productivity_author_days" WHERE NOT "whole_month"
    UNION ALL
    SELECT "day", "campaign_id", 0, "approve" + "request_changes" + "reject", 0, "reviewing_seconds"
    FROM "productivity_reviewer_days" WHERE NOT "whole_month"
  ) AS "days"
  GROUP BY 1, 2;
END;
$$;

SELECT "rebuild_productivity_days"();

-- The report no longer reads its sources by period: the indexes added for it only slowed their writes.
DROP INDEX IF EXISTS "item_revisions_author_id_kind_created_at_idx";
DROP INDEX IF EXISTS "reviews_created_at_reviewer_id_decision_idx";
DROP INDEX IF EXISTS "active_time_user_id_hour_idx";
DROP INDEX IF EXISTS "review_outcomes_period_covering_idx";
