// The explorer's counts: how many items each filter value would leave, given the other filters (so choosing a
// language shows what the other languages hold), and how many carry each flag. Each value and flag is counted up to a
// cap and no further, so a million items cost what ten thousand do: a count above the cap is reported as cap + 1 and
// shown as "more than" the cap. The total, which bulk actions confirm, stays exact.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { explorerConditions, flagCondition, whereOf, type ConditionName } from "@/lib/explorer/explorer-conditions";
import { EXPLORER_COUNT_CAP, EXPLORER_FLAGS, explorerCountsQuerySchema, type ExplorerCounts } from "@/lib/explorer/schemas";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, ITEM_STATUSES } from "@/lib/vocabulary";

type Facet = keyof ExplorerCounts["facets"];

/** The facet's values, and how an item is compared with one (cast so that the facet's index is usable). */
const FACET_VALUES: Record<Exclude<Facet, "campaign">, { values: readonly string[]; matches: Prisma.Sql }> = {
  language: { values: ITEM_LANGUAGES, matches: Prisma.sql`i.language = v.value::"Language"` },
  category: { values: ITEM_CATEGORIES, matches: Prisma.sql`i.category = v.value::"Category"` },
  status: { values: ITEM_STATUSES, matches: Prisma.sql`i.status = v.value::"ItemStatus"` },
};

/** Items up to the cap and one more: enough to tell "exactly n" from "more than the cap". */
function cappedCount(where: Prisma.Sql, cap: number): Prisma.Sql {
  return Prisma.sql`(SELECT count(*) FROM (SELECT 1 FROM items i ${where} LIMIT ${cap + 1}) capped)`;
}

function withCondition(conditions: Map<ConditionName, Prisma.Sql>, leaveOut: readonly string[], extra: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${whereOf(conditions, leaveOut)} AND ${extra}`;
}

export async function countItems(
  viewer: Viewer,
  input: z.input<typeof explorerCountsQuerySchema>,
  { cap = EXPLORER_COUNT_CAP }: { cap?: number } = {},
): Promise<ExplorerCounts> {
  assertRole(viewer, "reviewer");
  const filter = explorerCountsQuerySchema.parse(input);
  const conditions = explorerConditions(viewer, filter);
  const perValue = (facet: Exclude<Facet, "campaign">) =>
    db().$queryRaw<{ value: string; count: bigint }[]>`
      SELECT v.value, ${cappedCount(withCondition(conditions, [facet], FACET_VALUES[facet].matches), cap)} AS count
      FROM unnest(${[...FACET_VALUES[facet].values]}::text[]) AS v(value)`;
  const flagColumns = Prisma.join(
    EXPLORER_FLAGS.map((flag) => Prisma.sql`${cappedCount(withCondition(conditions, EXPLORER_FLAGS, flagCondition(flag)), cap)} AS ${Prisma.raw(`"${flag}"`)}`),
    ", ",
  );
  const [campaigns, language, category, status, flags, total] = await Promise.all([
    db().$queryRaw<{ value: string; label: string; count: bigint }[]>`
      SELECT v.id::text AS value, v.name AS label,
             ${cappedCount(withCondition(conditions, ["campaign"], Prisma.sql`i.campaign_id = v.id`), cap)} AS count
      FROM campaigns v ORDER BY v.name`,
    perValue("language"),
    perValue("category"),
    perValue("status"),
    db().$queryRaw<Record<string, bigint>[]>`SELECT ${flagColumns}`,
    db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM items i ${whereOf(conditions)}`,
  ]);
  const found = <Row extends { count: bigint }>(rows: Row[]) => rows.filter((row) => row.count > 0n);
  const plain = (rows: { value: string; count: bigint }[]) =>
    found(rows)
      .map((row) => ({ value: row.value, label: row.value, count: Number(row.count) }))
      .sort((a, b) => a.value.localeCompare(b.value));
  return {
    total: Number(total[0]?.count ?? 0),
    cap,
    facets: {
      campaign: found(campaigns).map((row) => ({ value: row.value, label: row.label, count: Number(row.count) })),
      language: plain(language),
      category: plain(category),
      status: plain(status),
    },
    flags: Object.fromEntries(EXPLORER_FLAGS.map((flag) => [flag, Number(flags[0]?.[flag] ?? 0)])) as ExplorerCounts["flags"],
  };
}
