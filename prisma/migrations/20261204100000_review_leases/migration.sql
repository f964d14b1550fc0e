-- Review leases move out of `items` into a table of their own (issue 18). A lease written into the item row made a
-- new version of that row at every claim and return, and since no lease update was HOT, every index of `items` (the
-- similarity index of ~870 MB at a million items among them) took a new entry each time. A claim now inserts a small
-- row here and locks the item row only (FOR UPDATE writes no new version of it).

-- CreateTable
CREATE TABLE "review_leases" (
    "item_id" UUID NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "review_leases_pkey" PRIMARY KEY ("item_id")
);

-- CreateIndex
CREATE INDEX "review_leases_reviewer_id_idx" ON "review_leases"("reviewer_id");

-- AddForeignKey
ALTER TABLE "review_leases" ADD CONSTRAINT "review_leases_item_id_fkey" FOREIGN KEY ("item_id") REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey: a deleted account's leases end with it, as its `items.leased_to_id` became NULL before.
ALTER TABLE "review_leases" ADD CONSTRAINT "review_leases_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Leases held at the moment of the upgrade stay held, expired ones included (an expired lease is simply free to be
-- taken over, as before): a reviewer in the middle of a decision keeps their item.
INSERT INTO "review_leases" ("item_id", "reviewer_id", "expires_at")
SELECT "id", "leased_to_id", "lease_expires_at" FROM "items"
 WHERE "leased_to_id" IS NOT NULL AND "lease_expires_at" IS NOT NULL;

-- DropForeignKey
ALTER TABLE "items" DROP CONSTRAINT "items_leased_to_id_fkey";

-- DropIndex
DROP INDEX "items_leased_to_id_idx";

-- AlterTable: dropping columns only marks them dropped in the catalog; `items` is not rewritten.
ALTER TABLE "items" DROP COLUMN "leased_to_id",
DROP COLUMN "lease_expires_at";
