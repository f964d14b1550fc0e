// What a release started now would hold, and how that differs from the latest published release: shown beside the
// form that starts one, so a maintainer sees the size and the change before choosing a version.
import type { Viewer } from "@/lib/auth/viewer";
import { assertRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { latestPublishedVersion } from "./release-view";

export interface NextReleasePreview {
  items: number;
  since: string | null;
  added: number;
  revised: number;
  removed: number;
}

export async function previewNextRelease(viewer: Viewer): Promise<NextReleasePreview> {
  assertRole(viewer, "maintainer");
  const since = await latestPublishedVersion();
  // The same rule as createRelease: approved, with an approved revision, not retracted.
  const [row] = await db().$queryRaw<{ items: bigint; added: bigint; revised: bigint; removed: bigint }[]>`
    WITH releasable AS (
      SELECT id, approved_revision_id FROM items
      WHERE status = 'approved' AND approved_revision_id IS NOT NULL AND retracted_at IS NULL
    ), previous AS (
      SELECT ri.item_id, ri.revision_id FROM release_items ri JOIN releases r ON r.id = ri.release_id
      WHERE r.version = ${since}
    )
    SELECT
      (SELECT count(*) FROM releasable) AS items,
      (SELECT count(*) FROM releasable n WHERE NOT EXISTS (SELECT 1 FROM previous p WHERE p.item_id = n.id)) AS added,
      (SELECT count(*) FROM releasable n JOIN previous p ON p.item_id = n.id WHERE p.revision_id <> n.approved_revision_id) AS revised,
      (SELECT count(*) FROM previous p WHERE NOT EXISTS (SELECT 1 FROM releasable n WHERE n.id = p.item_id)) AS removed`;
  return {
    items: Number(row?.items ?? 0),
    since,
    added: Number(row?.added ?? 0),
    revised: Number(row?.revised ?? 0),
    removed: Number(row?.removed ?? 0),
  };
}
