// The maintainers' view of authorship evidence: per annotator, of the submissions in a period (programme time zone),
// the share flagged and the share of text pasted or otherwise inserted; and the flagged submissions themselves, to
// open one by one. Counted from the frozen submission records (one per submitted revision).
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { writeSafeCsv } from "@/lib/csv/write-safe-csv";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { instantsOf } from "@/lib/productivity/period";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import type { z } from "zod";
import type {
  FlaggedSubmission,
  flaggedSubmissionsQuerySchema,
  ProvenanceReport,
  provenanceReportQuerySchema,
} from "@/lib/provenance/schemas";

type ReportQuery = z.output<typeof provenanceReportQuerySchema>;

function periodOf(query: ReportQuery) {
  return instantsOf({ from: query.from, to: query.to }, programmeCalendar().timeZone);
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export async function provenanceReport(viewer: Viewer, query: ReportQuery): Promise<ProvenanceReport> {
  assertRole(viewer, "maintainer");
  const { start, end } = periodOf(query);
  const campaign = query.campaignId ? Prisma.sql`AND i.campaign_id = ${query.campaignId}::uuid` : Prisma.empty;
  const rows = await db().$queryRaw<
    { userId: string; name: string; submissions: number; flagged: number; implausible: number; typed: bigint; pasted: bigint; inserted: bigint }[]
  >`
    SELECT e.user_id::text AS "userId", u.name,
           count(*)::int AS submissions,
           count(*) FILTER (WHERE cardinality(e.flags) > 0)::int AS flagged,
           count(*) FILTER (WHERE e.implausible)::int AS implausible,
           coalesce(sum(e.typed_chars), 0)::bigint AS typed,
           coalesce(sum(e.pasted_chars), 0)::bigint AS pasted,
           coalesce(sum(e.inserted_chars), 0)::bigint AS inserted
      FROM writing_evidence e
      JOIN item_revisions r ON r.id = e.revision_id
      JOIN items i ON i.id = e.item_id
      JOIN users u ON u.id = e.user_id
     WHERE e.kind = 'writing' AND r.kind = 'submission'
       AND r.created_at >= ${start} AND r.created_at < ${end} ${campaign}
     GROUP BY e.user_id, u.name
     ORDER BY u.name, e.user_id`;
  return {
    from: query.from,
    to: query.to,
    rows: rows.map((row) => {
      const entered = Number(row.typed) + Number(row.inserted);
      return {
        annotatorId: row.userId,
        annotatorName: row.name,
        submissions: row.submissions,
        flagged: row.flagged,
        flaggedShare: share(row.flagged, row.submissions),
        implausible: row.implausible,
        pastedShare: share(Number(row.pasted), entered),
        insertedShare: share(Number(row.inserted), entered),
      };
    }),
  };
}

export function provenanceCsv(report: ProvenanceReport): string {
  return writeSafeCsv(
    ["annotator", "submissions", "flagged", "flagged_share", "implausible", "pasted_share", "inserted_share"],
    report.rows.map((row) => [
      row.annotatorName,
      row.submissions,
      row.flagged,
      row.flaggedShare.toFixed(4),
      row.implausible,
      row.pastedShare.toFixed(4),
      row.insertedShare.toFixed(4),
    ]),
  );
}

/** At most this many flagged submissions in one answer (newest first). */
const FLAGGED_LIMIT = 200;

export async function listFlaggedSubmissions(viewer: Viewer, query: z.output<typeof flaggedSubmissionsQuerySchema>): Promise<FlaggedSubmission[]> {
  assertRole(viewer, "maintainer");
  const { start, end } = periodOf(query);
  const campaign = query.campaignId ? Prisma.sql`AND i.campaign_id = ${query.campaignId}::uuid` : Prisma.empty;
  const flag =
    query.flag === "implausible"
      ? Prisma.sql`AND e.implausible`
      : query.flag
        ? Prisma.sql`AND ${query.flag} = ANY (e.flags)`
        : Prisma.sql`AND (cardinality(e.flags) > 0 OR e.implausible)`;
  const rows = await db().$queryRaw<
    { itemId: string; revisionNumber: number; name: string; language: string; status: string; flags: string[]; implausible: boolean; note: string | null; submittedAt: Date }[]
  >`
    SELECT e.item_id::text AS "itemId", r.number AS "revisionNumber", u.name, i.language::text, i.status::text,
           e.flags, e.implausible, e.note, r.created_at AS "submittedAt"
      FROM writing_evidence e
      JOIN item_revisions r ON r.id = e.revision_id
      JOIN items i ON i.id = e.item_id
      JOIN users u ON u.id = e.user_id
     WHERE e.kind = 'writing' AND r.kind = 'submission'
       AND r.created_at >= ${start} AND r.created_at < ${end} ${campaign} ${flag}
     ORDER BY r.created_at DESC, e.item_id
     LIMIT ${FLAGGED_LIMIT}`;
  return rows.map((row) => ({
    itemId: row.itemId,
    revisionNumber: row.revisionNumber,
    annotatorName: row.name,
    language: row.language,
    status: row.status,
    flags: row.flags as FlaggedSubmission["flags"],
    implausible: row.implausible,
    note: row.note,
    submittedAt: row.submittedAt.toISOString(),
  }));
}
