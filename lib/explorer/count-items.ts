// The explorer's counts: how many items each filter value would leave, given the other filters (so choosing a
// language shows what the other languages hold), and how many carry each flag.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { explorerConditions, flagCondition, whereOf } from "@/lib/explorer/explorer-conditions";
import { EXPLORER_FLAGS, explorerCountsQuerySchema, type ExplorerCounts } from "@/lib/explorer/schemas";

type Facet = keyof ExplorerCounts["facets"];

const FACET_COLUMN: Record<Exclude<Facet, "campaign">, Prisma.Sql> = {
  language: Prisma.sql`i.language::text`,
  category: Prisma.sql`i.category::text`,
  status: Prisma.sql`i.status::text`,
};

export async function countItems(viewer: Viewer, input: z.input<typeof explorerCountsQuerySchema>): Promise<ExplorerCounts> {
  assertRole(viewer, "reviewer");
  const filter = explorerCountsQuerySchema.parse(input);
  const conditions = explorerConditions(viewer, filter);
  const grouped = (facet: Exclude<Facet, "campaign">) =>
    db().$queryRaw<{ value: string; count: bigint }[]>`
      SELECT ${FACET_COLUMN[facet]} AS value, count(*) AS count FROM items i ${whereOf(conditions, [facet])} GROUP BY 1 ORDER BY 1`;
  const flagColumns = Prisma.join(
    EXPLORER_FLAGS.map((flag) => Prisma.sql`count(*) FILTER (WHERE ${flagCondition(flag)}) AS ${Prisma.raw(`"${flag}"`)}`),
    ", ",
  );
  const [campaigns, language, category, status, flags, total] = await Promise.all([
    db().$queryRaw<{ value: string; label: string; count: bigint }[]>`
      SELECT i.campaign_id::text AS value, min(c.name) AS label, count(*) AS count
      FROM items i JOIN campaigns c ON c.id = i.campaign_id ${whereOf(conditions, ["campaign"])}
      GROUP BY i.campaign_id ORDER BY 2`,
    grouped("language"),
    grouped("category"),
    grouped("status"),
    db().$queryRaw<Record<string, bigint>[]>`SELECT ${flagColumns} FROM items i ${whereOf(conditions, EXPLORER_FLAGS)}`,
    db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM items i ${whereOf(conditions)}`,
  ]);
  const plain = (rows: { value: string; count: bigint }[]) => rows.map((row) => ({ value: row.value, label: row.value, count: Number(row.count) }));
  return {
    total: Number(total[0]?.count ?? 0),
    facets: {
      campaign: campaigns.map((row) => ({ value: row.value, label: row.label, count: Number(row.count) })),
      language: plain(language),
      category: plain(category),
      status: plain(status),
    },
    flags: Object.fromEntries(EXPLORER_FLAGS.map((flag) => [flag, Number(flags[0]?.[flag] ?? 0)])) as ExplorerCounts["flags"],
  };
}
