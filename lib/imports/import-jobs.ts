// Imports uploaded in the browser: the upload becomes a queued job (file kept in the database until it has run, so
// any worker host can take it), a background worker runs importItems with progress, and the uploader reads the
// progress and the per-line report.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { ImportJob, Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { importItems } from "@/lib/imports/import-items";
import type { createImportJobQuerySchema } from "@/lib/imports/schemas";
import { type ImportJobView, type ImportSummary } from "@/lib/imports/schemas";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

export const IMPORT_ITEMS_TASK = "import_items";
/** How often a running job writes its progress. */
const PROGRESS_EVERY_MS = 500;
const READ_CHUNK_BYTES = 64 * 1024;

function toView(job: ImportJob): ImportJobView {
  return {
    id: job.id,
    campaignId: job.campaignId,
    fileName: job.fileName,
    sizeBytes: job.sizeBytes,
    dryRun: job.dryRun,
    update: job.updateExisting,
    status: job.status,
    bytesRead: job.bytesRead,
    summary: (job.summary as ImportSummary | null) ?? null,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

export async function createImportJob(
  actor: Viewer,
  /** Already parsed: the API wrapper parses the query string with createImportJobQuerySchema. */
  options: z.output<typeof createImportJobQuerySchema>,
  content: Uint8Array,
): Promise<ImportJobView> {
  assertRole(actor, "maintainer");
  // The campaign is named in the query string, so its problems are named there.
  const campaign = await db().campaign.findUnique({ where: { slug: options.campaign }, select: { id: true, status: true } });
  if (!campaign) throw new AppError("validation_failed", "Unknown campaign.", { fields: [{ field: "query.campaign", message: "no campaign has this short name" }] });
  if (campaign.status !== "active") {
    throw new AppError("validation_failed", "Items are imported into active campaigns only.", { fields: [{ field: "query.campaign", message: "is not active" }] });
  }
  if (content.byteLength === 0) {
    throw new AppError("validation_failed", "The file is empty.", { fields: [{ field: "(body)", message: "the file is empty" }] });
  }
  const job = await db().$transaction(async (tx) => {
    const created = await tx.importJob.create({
      data: {
        campaignId: campaign.id,
        createdById: actor.id,
        fileName: options.fileName,
        sizeBytes: content.byteLength,
        dryRun: options.dryRun,
        updateExisting: options.update,
        content: new Uint8Array(content),
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "import.created",
      subjectType: "campaign",
      subjectId: campaign.id,
      payload: { importJobId: created.id, fileName: options.fileName, sizeBytes: content.byteLength, dryRun: options.dryRun },
    });
    await enqueueJob(tx, IMPORT_ITEMS_TASK, { jobId: created.id }, { jobKey: `import:${created.id}`, maxAttempts: 1 });
    return created;
  });
  return toView(job);
}

/** The uploader and every maintainer may follow a job. */
export async function getImportJob(viewer: Viewer, jobId: string): Promise<ImportJobView> {
  assertRole(viewer, "maintainer");
  if (!isUuid(jobId)) throw notFound("Import");
  const job = await db().importJob.findUnique({ where: { id: jobId }, omit: { content: true } });
  if (!job) throw notFound("Import");
  return toView({ ...job, content: null });
}

async function* chunksOf(content: Uint8Array, onRead: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < content.byteLength; start += READ_CHUNK_BYTES) {
    const chunk = content.subarray(start, start + READ_CHUNK_BYTES);
    yield chunk;
    onRead(start + chunk.byteLength);
  }
}

/** The worker's side: runs a queued job once, as the person who uploaded it. */
export async function runImportJob(payload: unknown): Promise<void> {
  const jobId = (payload as { jobId?: unknown } | null)?.jobId;
  if (typeof jobId !== "string" || !isUuid(jobId)) return;
  const claimed = await db().importJob.updateMany({ where: { id: jobId, status: "queued" }, data: { status: "running" } });
  if (claimed.count === 0) return;
  const job = await db().importJob.findUniqueOrThrow({ where: { id: jobId }, include: { campaign: { select: { slug: true } }, createdBy: { select: { email: true } } } });
  let bytesRead = 0;
  let lastWrite = 0;
  const save = (data: Prisma.ImportJobUpdateInput) => db().importJob.update({ where: { id: jobId }, data });
  try {
    const summary = await importItems(await operatorViewer(job.createdBy.email), {
      campaign: job.campaign.slug,
      input: chunksOf(job.content ?? new Uint8Array(), (read) => (bytesRead = read)),
      dryRun: job.dryRun,
      update: job.updateExisting,
      onProgress: async (running) => {
        if (Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await save({ bytesRead, summary: running as unknown as Prisma.InputJsonValue });
      },
    });
    await save({ status: "done", bytesRead: job.sizeBytes, summary: summary as unknown as Prisma.InputJsonValue, content: null, finishedAt: currentTime() });
  } catch (error) {
    await save({ status: "failed", error: error instanceof Error ? error.message : String(error), content: null, finishedAt: currentTime() });
  }
}
