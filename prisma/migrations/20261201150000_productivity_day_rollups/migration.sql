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

-- One change to a person's figures on a day in a campaign, as authoring or as reviewing.
CREATE TYPE "author_change" AS ("user_id" UUID, "day" DATE, "campaign_id" UUID, "submitted" INTEGER, "approved" INTEGER,
    "sent_back" INTEGER, "rejected" INTEGER, "first_pass_decided" INTEGER, "first_pass_approved" INTEGER,
    "writing_seconds" INTEGER, "retracted_paid_items" INTEGER);
CREATE TYPE "reviewer_change" AS ("user_id" UUID, "day" DATE, "campaign_id" UUID, "approve" INTEGER, "request_changes" INTEGER,
    "reject" INTEGER, "reviewing_seconds" INTEGER);

-- Adds a statement's changes, summed per row they touch: a bulk insert of 120,000 revisions by one author updates
-- their day once, not 120,000 times (updating one row over and over in a transaction walks an ever longer chain of
-- its versions). Everyone's day goes first: the shard is the writer's backend, so one transaction touches one
-- programme row per day and campaign and two transactions rarely share one; transactions that do meet there wait
-- before holding anything else, so they cannot deadlock on people's rows. Rows are taken in key order.
CREATE FUNCTION "add_author_changes"("p_changes" "author_change"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "productivity_programme_days" AS d ("day", "campaign_id", "shard", "approved", "reviews", "writing_seconds", "reviewing_seconds")
  SELECT c."day", c."campaign_id", pg_backend_pid() % 16, sum(c."approved"), 0, sum(c."writing_seconds"), 0
  FROM unnest("p_changes") AS c
  GROUP BY c."day", c."campaign_id" ORDER BY 1, 2
  ON CONFLICT ("day", "campaign_id", "shard") DO UPDATE SET
    "approved" = d."approved" + EXCLUDED."approved",
    "writing_seconds" = d."writing_seconds" + EXCLUDED."writing_seconds";
  -- A person's day and month (whole_month, keyed by the month's first day) change together.
  INSERT INTO "productivity_author_days" AS d ("user_id", "whole_month", "day", "campaign_id", "submitted", "approved", "sent_back",
      "rejected", "first_pass_decided", "first_pass_approved", "writing_seconds", "retracted_paid_items")
  SELECT c."user_id", s."whole_month", s."day", c."campaign_id", sum(c."submitted"), sum(c."approved"), sum(c."sent_back"),
      sum(c."rejected"), sum(c."first_pass_decided"), sum(c."first_pass_approved"), sum(c."writing_seconds"), sum(c."retracted_paid_items")
  FROM unnest("p_changes") AS c
  CROSS JOIN LATERAL (VALUES (false, c."day"), (true, date_trunc('month', c."day")::date)) AS s ("whole_month", "day")
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
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

CREATE FUNCTION "add_reviewer_changes"("p_changes" "reviewer_change"[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "productivity_programme_days" AS d ("day", "campaign_id", "shard", "approved", "reviews", "writing_seconds", "reviewing_seconds")
  SELECT c."day", c."campaign_id", pg_backend_pid() % 16, 0, sum(c."approve" + c."request_changes" + c."reject"), 0, sum(c."reviewing_seconds")
  FROM unnest("p_changes") AS c
  GROUP BY c."day", c."campaign_id" ORDER BY 1, 2
  ON CONFLICT ("day", "campaign_id", "shard") DO UPDATE SET
    "reviews" = d."reviews" + EXCLUDED."reviews",
    "reviewing_seconds" = d."reviewing_seconds" + EXCLUDED."reviewing_seconds";
  INSERT INTO "productivity_reviewer_days" AS d ("user_id", "whole_month", "day", "campaign_id", "approve", "request_changes", "reject",
      "reviewing_seconds")
  SELECT c."user_id", s."whole_month", s."day", c."campaign_id", sum(c."approve"), sum(c."request_changes"), sum(c."reject"),
      sum(c."reviewing_seconds")
  FROM unnest("p_changes") AS c
  CROSS JOIN LATERAL (VALUES (false, c."day"), (true, date_trunc('month', c."day")::date)) AS s ("whole_month", "day")
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT ("user_id", "whole_month", "day", "campaign_id") DO UPDATE SET
    "approve" = d."approve" + EXCLUDED."approve",
    "request_changes" = d."request_changes" + EXCLUDED."request_changes",
    "reject" = d."reject" + EXCLUDED."reject",
    "reviewing_seconds" = d."reviewing_seconds" + EXCLUDED."reviewing_seconds";
$$;

-- What rows of each source table count, with a sign: +1 for rows a statement inserted (or the new side of an update),
-- -1 for rows it deleted (or the old side). Tables without a campaign column reach it through their item, which still
-- exists when they change (items_release_active_time below deletes a draft's hours before the draft).
CREATE FUNCTION "count_item_revisions"("p_sign" INTEGER, "p_rows" "item_revisions"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "add_author_changes"(array_agg(ROW(r."author_id", "programme_day"(r."created_at"), i."campaign_id", "p_sign", 0, 0, 0, 0, 0, 0, 0)::"author_change"))
  FROM unnest("p_rows") AS r JOIN "items" i ON i."id" = r."item_id"
  WHERE r."kind" = 'submission';
$$;

CREATE FUNCTION "count_review_outcomes"("p_sign" INTEGER, "p_rows" "review_outcomes"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "add_author_changes"(array_agg(ROW(r."author_id", "programme_day"(r."decided_at"), r."campaign_id", 0,
      "p_sign" * (r."outcome" = 'approved')::int, "p_sign" * (r."outcome" = 'changes_requested')::int,
      "p_sign" * (r."outcome" = 'rejected')::int, "p_sign" * (r."round" = 1)::int,
      "p_sign" * (r."round" = 1 AND r."outcome" = 'approved')::int, 0, 0)::"author_change"))
  FROM unnest("p_rows") AS r;
$$;

CREATE FUNCTION "count_reviews"("p_sign" INTEGER, "p_rows" "reviews"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "add_reviewer_changes"(array_agg(ROW(r."reviewer_id", "programme_day"(r."created_at"), i."campaign_id",
      "p_sign" * (r."decision" = 'approve')::int, "p_sign" * (r."decision" = 'request_changes')::int,
      "p_sign" * (r."decision" = 'reject')::int, 0)::"reviewer_change"))
  FROM unnest("p_rows") AS r JOIN "items" i ON i."id" = r."item_id";
$$;

CREATE FUNCTION "count_active_time"("p_sign" INTEGER, "p_rows" "active_time"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "add_author_changes"(array_agg(ROW(a."user_id", "programme_day"(a."hour"), i."campaign_id", 0, 0, 0, 0, 0, 0,
      "p_sign" * a."active_seconds", 0)::"author_change"))
  FROM unnest("p_rows") AS a JOIN "items" i ON i."id" = a."item_id"
  WHERE a."kind" = 'writing';
  SELECT "add_reviewer_changes"(array_agg(ROW(a."user_id", "programme_day"(a."hour"), i."campaign_id", 0, 0, 0,
      "p_sign" * a."active_seconds")::"reviewer_change"))
  FROM unnest("p_rows") AS a JOIN "items" i ON i."id" = a."item_id"
  WHERE a."kind" = 'reviewing';
$$;

-- Earnings are append-only (earnings_append_only), so only inserts count. An item is paid before it can be retracted,
-- but rows written by plain SQL (imports, the synthetic programme) may come in any order: an earning for an item
-- already retracted is counted as retracted at once.
CREATE FUNCTION "count_earnings"("p_sign" INTEGER, "p_rows" "earnings"[]) RETURNS void LANGUAGE sql AS $$
  SELECT "add_author_changes"(array_agg(ROW(e."user_id", "programme_day"(e."earned_at"), e."campaign_id", 0, 0, 0, 0, 0, 0, 0,
      "p_sign")::"author_change"))
  FROM unnest("p_rows") AS e JOIN "items" i ON i."id" = e."subject_id"
  WHERE e."kind" = 'item' AND i."status" = 'retracted';
  INSERT INTO "productivity_earning_days" AS d ("user_id", "whole_month", "day", "campaign_id", "kind", "currency", "amount_cents")
  SELECT e."user_id", s."whole_month", s."day", e."campaign_id", e."kind", e."currency", sum("p_sign" * (e."amount" * 100)::bigint)
  FROM unnest("p_rows") AS e
  CROSS JOIN LATERAL (VALUES (false, "programme_day"(e."earned_at")), (true, date_trunc('month', "programme_day"(e."earned_at"))::date))
    AS s ("whole_month", "day")
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ("user_id", "whole_month", "day", "campaign_id", "kind", "currency") DO UPDATE SET
    "amount_cents" = d."amount_cents" + EXCLUDED."amount_cents";
$$;

-- One statement-level trigger function for every source table: it hands the statement's transition tables (whose
-- rows come as anonymous records, hence the casts) to count_<table>, once per side.
CREATE FUNCTION "count_productivity_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    EXECUTE format('SELECT %I(-1, ARRAY(SELECT ROW(o.*)::%I FROM "old_rows" o))', 'count_' || TG_TABLE_NAME, TG_TABLE_NAME);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE format('SELECT %I(1, ARRAY(SELECT ROW(n.*)::%I FROM "new_rows" n))', 'count_' || TG_TABLE_NAME, TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END;
$$;

-- An item paid and later retracted stays paid; the report counts it on the day it was earned, as a note.
CREATE FUNCTION "items_count_retracted_paid"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "add_author_changes"(array_agg(ROW(e."user_id", "programme_day"(e."earned_at"), e."campaign_id", 0, 0, 0, 0, 0, 0, 0,
      CASE WHEN NEW."status" = 'retracted' THEN 1 ELSE -1 END)::"author_change"))
  FROM "earnings" e WHERE e."kind" = 'item' AND e."subject_id" = NEW."id";
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

CREATE TRIGGER "item_revisions_count_inserts" AFTER INSERT ON "item_revisions"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "item_revisions_count_updates" AFTER UPDATE ON "item_revisions"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "item_revisions_count_deletes" AFTER DELETE ON "item_revisions"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "review_outcomes_count_inserts" AFTER INSERT ON "review_outcomes"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "review_outcomes_count_updates" AFTER UPDATE ON "review_outcomes"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "review_outcomes_count_deletes" AFTER DELETE ON "review_outcomes"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "reviews_count_inserts" AFTER INSERT ON "reviews"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "reviews_count_updates" AFTER UPDATE ON "reviews"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "reviews_count_deletes" AFTER DELETE ON "reviews"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "active_time_count_inserts" AFTER INSERT ON "active_time"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "active_time_count_updates" AFTER UPDATE ON "active_time"
  REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "active_time_count_deletes" AFTER DELETE ON "active_time"
  REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
CREATE TRIGGER "earnings_count_inserts" AFTER INSERT ON "earnings"
  REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "count_productivity_rows"();
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
