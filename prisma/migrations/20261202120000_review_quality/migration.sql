-- Review quality (issue 13): per-campaign rates of gold items and blind second reviews, gold items, and the checks
-- (gold answers and second reviews) handed to reviewers, recorded apart from reviews so items, outcomes and earnings
-- never see them. A second review's disagreement opens an adjudication that names the check.

-- CreateEnum
CREATE TYPE "ReviewCheckKind" AS ENUM ('gold', 'second_review');

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN "gold_rate" INTEGER NOT NULL DEFAULT 0,
                        ADD COLUMN "second_review_rate" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "gold_items" (
    "item_id" UUID NOT NULL,
    "expected_decision" "ReviewDecision" NOT NULL,
    "expected_score_min" INTEGER,
    "expected_score_max" INTEGER,
    "explanation" TEXT NOT NULL DEFAULT '',
    "marked_by_id" UUID NOT NULL,
    "marked_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "gold_items_pkey" PRIMARY KEY ("item_id")
);

-- CreateTable
CREATE TABLE "review_checks" (
    "id" UUID NOT NULL,
    "kind" "ReviewCheckKind" NOT NULL,
    "item_id" UUID NOT NULL,
    "revision_id" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "lease_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "decision" "ReviewDecision",
    "score_instruction" INTEGER,
    "score_correctness" INTEGER,
    "score_fluency" INTEGER,
    "score_safety" INTEGER,
    "score_guidelines" INTEGER,
    "comment" TEXT NOT NULL DEFAULT '',
    "matched" BOOLEAN,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "review_checks_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "review_checks_item_id_reviewer_id_key" ON "review_checks"("item_id", "reviewer_id");

-- CreateIndex
CREATE INDEX "review_checks_reviewer_id_decided_at_idx" ON "review_checks"("reviewer_id", "decided_at");

-- CreateIndex
CREATE INDEX "review_checks_kind_decided_at_idx" ON "review_checks"("kind", "decided_at");

-- A disputed round may now be disputed again by a second review: one adjudication per check instead of per round.
-- DropIndex
DROP INDEX "adjudications_item_id_round_key";

-- AlterTable
ALTER TABLE "adjudications" ADD COLUMN "review_check_id" UUID;

-- CreateIndex
CREATE INDEX "adjudications_item_id_round_idx" ON "adjudications"("item_id", "round");

-- CreateIndex
CREATE UNIQUE INDEX "adjudications_review_check_id_key" ON "adjudications"("review_check_id");

-- AddForeignKey
ALTER TABLE "adjudications" ADD CONSTRAINT "adjudications_review_check_id_fkey" FOREIGN KEY ("review_check_id") REFERENCES "review_checks"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gold_items" ADD CONSTRAINT "gold_items_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gold_items" ADD CONSTRAINT "gold_items_marked_by_id_fkey" FOREIGN KEY ("marked_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_checks" ADD CONSTRAINT "review_checks_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_checks" ADD CONSTRAINT "review_checks_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "item_revisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_checks" ADD CONSTRAINT "review_checks_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
