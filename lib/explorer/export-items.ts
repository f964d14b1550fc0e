// Exports a selection as JSONL or CSV of any size: a stream fed batch by batch by a keyset cursor over item ids, so
// memory holds one batch whatever the selection's size. JSONL lines have the shape `escriba import` reads back. Every
// export is audited when its stream ends: who, the selection, the format and how many rows left, complete or not.
import { randomUUID } from "node:crypto";
import { assertRole } from "@/lib/auth/permissions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Viewer } from "@/lib/auth/viewer";
import { writeSafeCsvRows, type CsvCell } from "@/lib/csv/write-safe-csv";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { explorerConditions, whereOf } from "@/lib/explorer/explorer-conditions";
import { explorerExportQuerySchema, type ExplorerFilter } from "@/lib/explorer/schemas";
import type { z } from "zod";

const BATCH_SIZE = 2000;

export const EXPORT_FIELDS = [
  "externalId",
  "campaign",
  "language",
  "variety",
  "category",
  "status",
  "instruction",
  "context",
  "response",
  "sourceUrl",
  "sourceLicense",
  "authorEmail",
  "guidelineVersion",
  "createdAt",
  "approvedAt",
] as const;
type ExportedItem = Record<(typeof EXPORT_FIELDS)[number], string | number | null>;

interface ExportRecord {
  id: string;
  campaign: string;
  language: string;
  variety: string | null;
  category: string;
  status: string;
  instruction: string;
  context: string | null;
  response: string;
  source_url: string | null;
  source_license: string | null;
  author_email: string;
  guideline_version: number | null;
  created_at: Date;
  approved_at: Date | null;
}

function toExported(row: ExportRecord): ExportedItem {
  return {
    externalId: row.id,
    campaign: row.campaign,
    language: row.language,
    variety: row.variety,
    category: row.category,
    status: row.status,
    instruction: row.instruction,
    context: row.context,
    response: row.response,
    sourceUrl: row.source_url,
    sourceLicense: row.source_license,
    authorEmail: row.author_email,
    guidelineVersion: row.guideline_version,
    createdAt: row.created_at.toISOString(),
    approvedAt: row.approved_at?.toISOString() ?? null,
  };
}

/** The selection's items in id order, one batch at a time. */
export async function* selectedItemBatches(
  viewer: Viewer,
  selection: { filter: ExplorerFilter } | { ids: readonly string[] },
  batchSize = BATCH_SIZE,
): AsyncGenerator<ExportedItem[]> {
  const conditions = explorerConditions(viewer, "filter" in selection ? selection.filter : {});
  if ("ids" in selection) conditions.set("ids", Prisma.sql`i.id = ANY(${[...selection.ids]}::uuid[])`);
  let after: string | null = null;
  for (;;) {
    if (after) conditions.set("cursor", Prisma.sql`i.id > ${after}::uuid`);
    const rows: ExportRecord[] = await db().$queryRaw<ExportRecord[]>`
      SELECT i.id, c.slug AS campaign, i.language::text, i.variety, i.category::text, i.status::text, i.instruction, i.context,
             i.response, i.source_url, i.source_license, u.email AS author_email, g.version AS guideline_version,
             i.created_at, i.approved_at
      FROM items i JOIN campaigns c ON c.id = i.campaign_id JOIN users u ON u.id = i.author_id
      LEFT JOIN guidelines g ON g.id = i.guideline_id
      ${whereOf(conditions)}
      ORDER BY i.id LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows.map(toExported);
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

/** The export as a byte stream, pulled batch by batch: a slow client slows the queries, nothing piles up. */
export function exportItems(
  viewer: Viewer,
  input: z.input<typeof explorerExportQuerySchema>,
  options: { batchSize?: number } = {},
): { exportId: string; format: "jsonl" | "csv"; stream: ReadableStream<Uint8Array> } {
  assertRole(viewer, "maintainer");
  const { format, ids, ...filter } = explorerExportQuerySchema.parse(input);
  const selection = ids ? { ids: ids.toLowerCase().split(",") } : { filter };
  const batches = selectedItemBatches(viewer, selection, options.batchSize);
  const encoder = new TextEncoder();
  const exportId = randomUUID();
  let headerSent = false;
  let rows = 0;
  let audited = false;
  // Once, however the stream ends: read to the end, cancelled by the client, or failed.
  const audit = async (outcome: "complete" | "cancelled" | "failed") => {
    if (audited) return;
    audited = true;
    await recordAuditEvent(db(), {
      actorId: viewer.id,
      action: "items.exported",
      subjectType: "item_export",
      subjectId: exportId,
      payload: { format, selection, rows, outcome } as Prisma.InputJsonValue,
    });
  };
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await batches.next();
        if (format === "csv" && !headerSent) {
          headerSent = true;
          controller.enqueue(encoder.encode(writeSafeCsvRows([EXPORT_FIELDS])));
        }
        if (next.done) {
          await audit("complete");
          return controller.close();
        }
        const text =
          format === "csv"
            ? writeSafeCsvRows(next.value.map((item) => EXPORT_FIELDS.map((field) => item[field] as CsvCell)))
            : next.value.map((item) => `${JSON.stringify(item)}\n`).join("");
        rows += next.value.length;
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        await audit("failed").catch(() => {});
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
      await audit("cancelled");
    },
  });
  return { exportId, format, stream };
}
