// The background job that builds a release, as the job queue sees it.
import { z } from "zod";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { Prisma } from "@/lib/generated/prisma/client";

export const BUILD_RELEASE_TASK = "build_release";

export const buildReleasePayloadSchema = z.object({ releaseId: z.uuid(), attempt: z.number().int().min(1) });
export type BuildReleasePayload = z.infer<typeof buildReleasePayloadSchema>;

export async function enqueueReleaseBuild(tx: Prisma.TransactionClient, releaseId: string, attempt: number): Promise<void> {
  const payload: BuildReleasePayload = { releaseId, attempt };
  // The builder records its own failures; the queue only retries when the builder could not even start.
  await enqueueJob(tx, BUILD_RELEASE_TASK, payload, { jobKey: `release:${releaseId}:${attempt}`, maxAttempts: 3 });
}
