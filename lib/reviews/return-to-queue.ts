// A reviewer gives a claimed item back to the queue without deciding.
import type { Viewer } from "@/lib/auth/viewer";
import { queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export async function returnToQueue(viewer: Viewer, itemId: string): Promise<{ returned: true }> {
  // One statement in one round trip, as the claim it undoes (claim-next-item.ts): the lease goes, and a gold item or
  // second review given back is forgotten, as if never handed out.
  const [deleted] = await queryInOneRoundTrip<{ count: number }>([
    Prisma.sql`
      WITH lease AS (DELETE FROM review_leases WHERE item_id = ${itemId}::uuid AND reviewer_id = ${viewer.id}::uuid RETURNING 1),
           check_given AS (DELETE FROM review_checks
                            WHERE item_id = ${itemId}::uuid AND reviewer_id = ${viewer.id}::uuid AND decided_at IS NULL RETURNING 1)
      SELECT ((SELECT count(*) FROM lease) + (SELECT count(*) FROM check_given))::int AS count`,
  ]);
  if (!deleted || deleted.count === 0) throw new AppError("conflict", "You do not hold a lease on this item.");
  return { returned: true };
}
