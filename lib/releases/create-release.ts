// Maintainers create a release: it is queued, and a background worker builds it (see build-release.ts).
import semver from "semver";
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { enqueueReleaseBuild } from "./release-jobs";
import { latestPublishedVersion, RELEASE_VIEW_INCLUDE, toReleaseView } from "./release-view";
import { createReleaseInputSchema, type ReleaseView } from "./schemas";

export async function createRelease(actor: Viewer, input: z.input<typeof createReleaseInputSchema>): Promise<ReleaseView> {
  assertRole(actor, "maintainer");
  const parsed = createReleaseInputSchema.parse(input);
  const latest = await latestPublishedVersion();
  if (latest && !semver.gt(parsed.version, latest)) {
    throw new AppError("validation_failed", `The version must be greater than ${latest}, the latest published release.`, {
      fields: [{ field: "version", message: `must be greater than ${latest}` }],
    });
  }
  const releasable = await db().item.count({ where: { status: "approved", approvedRevisionId: { not: null }, retractedAt: null } });
  if (releasable === 0) throw new AppError("conflict", "There are no approved items to release yet.");
  const release = await db()
    .$transaction(async (tx) => {
      const created = await tx.release.create({
        data: { version: parsed.version, license: parsed.license, notes: parsed.notes, createdById: actor.id, buildAttempt: 1 },
        include: RELEASE_VIEW_INCLUDE,
      });
      await enqueueReleaseBuild(tx, created.id, created.buildAttempt);
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "release.created",
        subjectType: "release",
        subjectId: created.id,
        payload: { version: created.version, license: created.license },
      });
      return created;
    })
    .catch((error: unknown) => {
      // Two maintainers choosing the same version at once: the unique index decides.
      if ((error as { code?: string }).code === "P2002") {
        throw new AppError("conflict", `Release ${parsed.version} already exists.`, {
          fields: [{ field: "version", message: "already used" }],
        });
      }
      throw error;
    });
  return toReleaseView(release);
}
