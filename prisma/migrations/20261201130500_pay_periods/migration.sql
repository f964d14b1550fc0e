-- Pay periods, the statements frozen when one closes, and adjustments. What has been closed must stay as it was even
-- against SQL sent by the app's own role: triggers refuse every change to closed periods, their adjustments,
-- statements and statement lines.

-- CreateEnum
CREATE TYPE "PayPeriodStatus" AS ENUM ('open', 'closed');

-- CreateEnum
CREATE TYPE "StatementLineKind" AS ENUM ('item', 'review', 'adjustment');

-- CreateTable
CREATE TABLE "pay_periods" (
    "id" UUID NOT NULL,
    "label" TEXT NOT NULL,
    "starts_on" DATE NOT NULL,
    "ends_on" DATE NOT NULL,
    "time_zone" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "PayPeriodStatus" NOT NULL DEFAULT 'open',
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" UUID,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pay_periods_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "pay_periods_ends_on_not_before_starts_on" CHECK ("ends_on" >= "starts_on"),
    CONSTRAINT "pay_periods_ends_after_it_starts" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "pay_periods_closed_has_closer" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL AND "closed_by_id" IS NOT NULL)),
    -- No instant belongs to two periods, whoever inserts them and however they race.
    CONSTRAINT "pay_periods_no_overlap" EXCLUDE USING gist (tstzrange("starts_at", "ends_at", '[)') WITH &&)
);

-- CreateTable
CREATE TABLE "adjustments" (
    "id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "adjustments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "adjustments_reason_given" CHECK (length(btrim("reason")) > 0)
);

-- CreateTable
CREATE TABLE "statements" (
    "id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "person_name" TEXT NOT NULL,
    "person_email" TEXT NOT NULL,
    "csv_sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "statement_lines" (
    "id" UUID NOT NULL,
    "statement_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "StatementLineKind" NOT NULL,
    "earning_id" UUID,
    "adjustment_id" UUID,
    "item_id" UUID,
    "review_id" UUID,
    "occurred_at" TIMESTAMPTZ(3) NOT NULL,
    "campaign_slug" TEXT,
    "rate" DECIMAL(10,2),
    "amount" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "reason" TEXT,
    "added_by_email" TEXT,

    CONSTRAINT "statement_lines_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "statement_lines_source" CHECK (("kind" = 'adjustment') = ("adjustment_id" IS NOT NULL) AND ("kind" = 'adjustment') = ("earning_id" IS NULL))
);

-- CreateIndex
CREATE UNIQUE INDEX "pay_periods_label_key" ON "pay_periods"("label");

-- CreateIndex
CREATE INDEX "adjustments_period_id_idx" ON "adjustments"("period_id");

-- CreateIndex
CREATE UNIQUE INDEX "statements_period_id_user_id_key" ON "statements"("period_id", "user_id");

-- CreateIndex
CREATE INDEX "statements_user_id_idx" ON "statements"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_lines_earning_id_key" ON "statement_lines"("earning_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_lines_adjustment_id_key" ON "statement_lines"("adjustment_id");

-- CreateIndex
CREATE UNIQUE INDEX "statement_lines_statement_id_position_key" ON "statement_lines"("statement_id", "position");

-- AddForeignKey
ALTER TABLE "pay_periods" ADD CONSTRAINT "pay_periods_closed_by_id_fkey" FOREIGN KEY ("closed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pay_periods" ADD CONSTRAINT "pay_periods_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "pay_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "adjustments" ADD CONSTRAINT "adjustments_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_period_id_fkey" FOREIGN KEY ("period_id") REFERENCES "pay_periods"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statements" ADD CONSTRAINT "statements_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_earning_id_fkey" FOREIGN KEY ("earning_id") REFERENCES "earnings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_adjustment_id_fkey" FOREIGN KEY ("adjustment_id") REFERENCES "adjustments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A closed period is final: no reopening, no other change, no deletion.
CREATE FUNCTION "pay_period_closed_is_final"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."status" = 'closed' THEN
    RAISE EXCEPTION 'pay period % is closed: % refused', OLD."label", TG_OP USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER "pay_periods_closed_is_final" BEFORE UPDATE OR DELETE ON "pay_periods"
  FOR EACH ROW EXECUTE FUNCTION "pay_period_closed_is_final"();

-- Adjustments belong to open periods only. FOR SHARE waits for a closing in progress (it holds the period's row),
-- so an adjustment cannot slip in after closing read the period's adjustments.
CREATE FUNCTION "adjustment_needs_open_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status "PayPeriodStatus";
BEGIN
  IF TG_OP <> 'INSERT' THEN
    SELECT "status" INTO period_status FROM "pay_periods" WHERE "id" = OLD."period_id" FOR SHARE;
    IF period_status = 'closed' THEN
      RAISE EXCEPTION 'adjustment % belongs to a closed pay period: % refused', OLD."id", TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    SELECT "status" INTO period_status FROM "pay_periods" WHERE "id" = NEW."period_id" FOR SHARE;
    IF period_status = 'closed' THEN
      RAISE EXCEPTION 'pay period % is closed: adjustment % refused', NEW."period_id", TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END;
$$;

CREATE TRIGGER "adjustments_need_open_period" BEFORE INSERT OR UPDATE OR DELETE ON "adjustments"
  FOR EACH ROW EXECUTE FUNCTION "adjustment_needs_open_period"();

-- Statements and their lines are written once, while their period is being closed, and never change afterwards.
CREATE FUNCTION "statements_are_frozen"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% are frozen: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "statements_frozen" BEFORE UPDATE OR DELETE ON "statements"
  FOR EACH ROW EXECUTE FUNCTION "statements_are_frozen"();

CREATE TRIGGER "statement_lines_frozen" BEFORE UPDATE OR DELETE ON "statement_lines"
  FOR EACH ROW EXECUTE FUNCTION "statements_are_frozen"();

CREATE TRIGGER "statements_truncate_refused" BEFORE TRUNCATE ON "statements"
  FOR EACH STATEMENT EXECUTE FUNCTION "statements_are_frozen"();

CREATE TRIGGER "statement_lines_truncate_refused" BEFORE TRUNCATE ON "statement_lines"
  FOR EACH STATEMENT EXECUTE FUNCTION "statements_are_frozen"();

-- Nothing is added to the statements of a closed period.
CREATE FUNCTION "statement_needs_open_period"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  period_status "PayPeriodStatus";
BEGIN
  IF TG_TABLE_NAME = 'statements' THEN
    SELECT "status" INTO period_status FROM "pay_periods" WHERE "id" = NEW."period_id" FOR SHARE;
  ELSE
    SELECT p."status" INTO period_status
      FROM "statements" s JOIN "pay_periods" p ON p."id" = s."period_id"
     WHERE s."id" = NEW."statement_id" FOR SHARE OF p;
  END IF;
  IF period_status = 'closed' THEN
    RAISE EXCEPTION 'the pay period is closed: new % refused', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "statements_need_open_period" BEFORE INSERT ON "statements"
  FOR EACH ROW EXECUTE FUNCTION "statement_needs_open_period"();

CREATE TRIGGER "statement_lines_need_open_period" BEFORE INSERT ON "statement_lines"
  FOR EACH ROW EXECUTE FUNCTION "statement_needs_open_period"();
