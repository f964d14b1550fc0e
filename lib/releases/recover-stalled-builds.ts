// Builds whose worker died (killed, crashed, machine lost) start again on their own: every worker process looks now
// and then for releases marked building whose build lock nobody holds, and queues a new attempt, as Retry would.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { BUILD_LOCK_PROBE_SQL } from "./release-build-lock";
import { enqueueReleaseBuild } from "./release-jobs";

/** Queues a new attempt of every build no live process runs; returns their versions. */
export async function recoverStalledBuilds(): Promise<string[]> {
  const building = await db().release.findMany({ where: { status: "building" }, select: { id: true, version: true, buildAttempt: true } });
  const recovered: string[] = [];
  for (const release of building) {
    const queued = await db().$transaction(async (tx) => {
      // Holding the lock until commit: no builder can start this release meanwhile, and a live one makes this a no.
      const [probe] = await tx.$queryRawUnsafe<{ free: boolean }[]>(BUILD_LOCK_PROBE_SQL, release.id);
      if (!probe?.free) return false;
      const updated = await tx.release.updateMany({
        where: { id: release.id, buildAttempt: release.buildAttempt, status: "building" },
        data: { status: "queued", buildAttempt: { increment: 1 }, error: null, progressDone: 0 },
      });
      if (updated.count === 0) return false;
      await enqueueReleaseBuild(tx, release.id, release.buildAttempt + 1);
      await recordAuditEvent(tx, {
        actorId: null,
        action: "release.retried",
        subjectType: "release",
        subjectId: release.id,
        payload: { version: release.version, attempt: release.buildAttempt + 1, after: "stalled", automatic: true },
      });
      return true;
    });
    if (queued) recovered.push(release.version);
  }
  return recovered;
}
