// What the item's page shows beyond its text and reviews: the releases it is in, its adjudications and, for
// maintainers, its audit trail. Asked only after getItemHistory has established the viewer may see the item.
import { hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";

export interface ItemRecord {
  releases: { version: string; status: string; publishedAt: string | null }[];
  adjudications: { round: number; status: string; decision: string | null; comment: string; resolvedByName: string | null; resolvedAt: string | null }[];
  /** Null when the viewer may not read the audit log (everyone but maintainers). */
  audit: { id: string; action: string; actorName: string | null; at: string; reason: string | null }[] | null;
}

export async function getItemRecord(viewer: Viewer, itemId: string): Promise<ItemRecord> {
  const [releases, adjudications, audit] = await Promise.all([
    db().$queryRaw<{ version: string; status: string; published_at: Date | null }[]>`
      SELECT r.version, r.status::text AS status, r.published_at FROM release_items ri JOIN releases r ON r.id = ri.release_id
      WHERE ri.item_id = ${itemId}::uuid ORDER BY r.created_at`,
    db().adjudication.findMany({ where: { itemId }, orderBy: { round: "asc" }, include: { resolvedBy: { select: { name: true } } } }),
    hasRole(viewer, "maintainer")
      ? db().auditEvent.findMany({
          where: { subjectType: "item", subjectId: itemId },
          orderBy: { createdAt: "asc" },
          take: 500,
          include: { actor: { select: { name: true } } },
        })
      : Promise.resolve(null),
  ]);
  return {
    releases: releases.map((release) => ({ version: release.version, status: release.status, publishedAt: release.published_at?.toISOString() ?? null })),
    adjudications: adjudications.map((adjudication) => ({
      round: adjudication.round,
      status: adjudication.status,
      decision: adjudication.decision,
      comment: adjudication.comment,
      resolvedByName: adjudication.resolvedBy?.name ?? null,
      resolvedAt: adjudication.resolvedAt?.toISOString() ?? null,
    })),
    audit:
      audit?.map((event) => {
        const reason = (event.payload as { reason?: unknown } | null)?.reason;
        return {
          id: String(event.id),
          action: event.action,
          actorName: event.actor?.name ?? null,
          at: event.createdAt.toISOString(),
          reason: typeof reason === "string" ? reason : null,
        };
      }) ?? null,
  };
}
