-- Release builds: attempts (a retried build supersedes an interrupted one), the frozen item set, the changelog base.
ALTER TABLE "releases" ADD COLUMN "build_attempt" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "frozen_at" TIMESTAMPTZ(3),
ADD COLUMN "previous_release_id" UUID;

-- CreateTable
CREATE TABLE "instance_secrets" (
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_secrets_pkey" PRIMARY KEY ("name")
);

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_previous_release_id_fkey" FOREIGN KEY ("previous_release_id") REFERENCES "releases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Each language's rows are read in id order from an index, with no sort over the whole release.
ALTER TABLE "release_items" ADD COLUMN "language" "Language" NOT NULL;

-- CreateIndex
CREATE INDEX "release_items_release_id_language_item_id_idx" ON "release_items"("release_id", "language", "item_id");
