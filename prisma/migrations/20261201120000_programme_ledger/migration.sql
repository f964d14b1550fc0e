-- The records a paid programme runs on: quota mode and review rate per campaign, active time per hour for writing
-- and reviewing (replacing the daily writing-only record), the outcome of each review round, and the earnings
-- ledger (one line per paid event, paid once).

-- CreateEnum
CREATE TYPE "QuotaMode" AS ENUM ('soft', 'hard');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('writing', 'reviewing');

-- CreateEnum
CREATE TYPE "EarningKind" AS ENUM ('item', 'review');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN "rate_per_review" DECIMAL(10,2),
ADD COLUMN "quota_mode" "QuotaMode" NOT NULL DEFAULT 'soft';

-- CreateTable
CREATE TABLE "active_time" (
    "user_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "item_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "active_seconds" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "active_time_pkey" PRIMARY KEY ("user_id","kind","item_id","hour")
);

-- The daily writing record becomes hours of writing (each day's total at its midnight, UTC).
INSERT INTO "active_time" ("user_id", "kind", "item_id", "hour", "active_seconds")
SELECT "user_id", 'writing', "item_id", "day"::timestamp AT TIME ZONE 'UTC', "active_seconds" FROM "writing_activity";

-- DropTable
DROP TABLE "writing_activity";

-- CreateTable
CREATE TABLE "review_outcomes" (
    "item_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "author_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "outcome" "ItemStatus" NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_outcomes_pkey" PRIMARY KEY ("item_id","round")
);

-- CreateTable
CREATE TABLE "earnings" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "EarningKind" NOT NULL,
    "subject_id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "campaign_id" UUID NOT NULL,
    "earned_at" TIMESTAMPTZ(3) NOT NULL,
    "amount" DECIMAL(10,2) NOT NULL,
    "currency" TEXT NOT NULL,

    CONSTRAINT "earnings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "active_time_hour_idx" ON "active_time"("hour");

-- CreateIndex
CREATE INDEX "review_outcomes_author_id_decided_at_idx" ON "review_outcomes"("author_id", "decided_at");

-- CreateIndex
CREATE INDEX "review_outcomes_decided_at_idx" ON "review_outcomes"("decided_at");

-- CreateIndex
CREATE UNIQUE INDEX "earnings_kind_subject_id_key" ON "earnings"("kind", "subject_id");

-- CreateIndex
CREATE INDEX "earnings_user_id_earned_at_idx" ON "earnings"("user_id", "earned_at");

-- CreateIndex
CREATE INDEX "earnings_earned_at_idx" ON "earnings"("earned_at");

-- AddForeignKey
ALTER TABLE "active_time" ADD CONSTRAINT "active_time_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "active_time" ADD CONSTRAINT "active_time_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_outcomes" ADD CONSTRAINT "review_outcomes_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "earnings" ADD CONSTRAINT "earnings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Ledger lines are facts: an app bug must not be able to rewrite what someone earned.
CREATE FUNCTION "earnings_are_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'earnings are append-only: % refused', TG_OP USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "earnings_append_only" BEFORE UPDATE OR DELETE ON "earnings"
  FOR EACH ROW EXECUTE FUNCTION "earnings_are_append_only"();
