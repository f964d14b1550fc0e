-- Authorship evidence: per-campaign thresholds for the flags raised at submission, and the writing counters the
-- browser reports with every save (a running record per draft, frozen copies per submission and reviewer edit).

-- AlterTable
ALTER TABLE "campaigns" ADD COLUMN     "evidence_pasted_percent" INTEGER NOT NULL DEFAULT 50,
ADD COLUMN     "evidence_inserted_percent" INTEGER NOT NULL DEFAULT 30,
ADD COLUMN     "evidence_chars_per_minute" INTEGER NOT NULL DEFAULT 900,
ADD COLUMN     "evidence_away_insertions" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "writing_evidence" (
    "id" UUID NOT NULL,
    "item_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "revision_id" UUID,
    "fields" JSONB NOT NULL,
    "typed_chars" INTEGER NOT NULL,
    "pasted_chars" INTEGER NOT NULL,
    "inserted_chars" INTEGER NOT NULL,
    "implausible" BOOLEAN NOT NULL DEFAULT false,
    "reasons" TEXT[],
    "flags" TEXT[],
    "note" TEXT,
    "checked_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "writing_evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "writing_evidence_revision_id_key" ON "writing_evidence"("revision_id");

-- CreateIndex
CREATE INDEX "writing_evidence_item_id_kind_idx" ON "writing_evidence"("item_id", "kind");

-- CreateIndex
CREATE INDEX "writing_evidence_user_id_kind_created_at_idx" ON "writing_evidence"("user_id", "kind", "created_at");

-- AddForeignKey
ALTER TABLE "writing_evidence" ADD CONSTRAINT "writing_evidence_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "writing_evidence" ADD CONSTRAINT "writing_evidence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "writing_evidence" ADD CONSTRAINT "writing_evidence_revision_id_fkey" FOREIGN KEY ("revision_id") REFERENCES "item_revisions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
