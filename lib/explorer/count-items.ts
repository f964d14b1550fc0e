// The explorer's counts: the items the filters find, how many each filter value would leave given the other filters
// (so choosing a language shows what the other languages hold), and how many carry each flag.
//
// The total and the four facets (campaign, language, category, status) are exact and come from one grid: the items
// the other filters find, counted per campaign, language, category and status, each facet then summed from it with
// its own filter left out. When the filters are only facets, the grid is campaign_cell_counts, which the item
// triggers keep, so the explorer's opening view of a million items reads a few hundred rows; otherwise it is one
// GROUP BY over the items found. Flags other than `retracted` (a status) are counted per flag up to a cap: counting
// further would cost a scan of every item found.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { explorerConditions, flagCondition, whereOf, type ConditionName } from "@/lib/explorer/explorer-conditions";
import {
  EXPLORER_COUNT_CAP,
  EXPLORER_FLAGS,
  explorerCountsQuerySchema,
  type ExplorerCounts,
  type ExplorerFilter,
  type ExplorerFlag,
} from "@/lib/explorer/schemas";

type Facet = keyof ExplorerCounts["facets"];
const FACETS = ["campaign", "language", "category", "status"] as const satisfies readonly Facet[];

/** Items of one campaign, language, category and status that the filters other than the grid's own find. */
interface GridCell {
  campaign: string;
  language: string;
  category: string;
  status: string;
  items: number;
}

/** The filters a grid cell answers by itself: its four columns, and `retracted`, which is a status. */
const GRID_FILTERS = [...FACETS, "retracted"] as const satisfies readonly ConditionName[];
type GridFilter = (typeof GRID_FILTERS)[number];

/** Whether a cell is one the filter keeps, its `leaveOut` filters aside: the grid's twin of explorerConditions. */
function cellMatches(cell: GridCell, filter: ExplorerFilter, leaveOut: GridFilter | null): boolean {
  const kept = (name: GridFilter) => name !== leaveOut && filter[name] !== undefined;
  if (kept("campaign") && cell.campaign !== filter.campaign?.toLowerCase()) return false;
  if (kept("language") && cell.language !== filter.language) return false;
  if (kept("category") && cell.category !== filter.category) return false;
  if (kept("status") && cell.status !== filter.status) return false;
  if (kept("retracted") && (cell.status === "retracted") !== (filter.retracted === "yes")) return false;
  return true;
}

function itemsIn(grid: GridCell[], keep: (cell: GridCell) => boolean): number {
  return grid.reduce((sum, cell) => (keep(cell) ? sum + cell.items : sum), 0);
}

/** Items of each value of a facet, the facet's own filter left out; values with none are not listed (the grid has no empty cells). */
function facetCounts(grid: GridCell[], filter: ExplorerFilter, facet: Facet): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of grid) {
    if (cellMatches(cell, filter, facet)) counts.set(cell[facet], (counts.get(cell[facet]) ?? 0) + cell.items);
  }
  return counts;
}

/**
 * The grid of the items that the filters other than the grid's find, within the viewer's reach. With no such filter,
 * the counters are read instead of the items: the reach condition names only `i.language` and `i.status`, which the
 * counter table has under the same names.
 */
function readGrid(conditions: Map<ConditionName, Prisma.Sql>): Promise<GridCell[]> {
  const where = whereOf(conditions, GRID_FILTERS);
  const onlyGridFilters = [...conditions.keys()].every((name) => name === "reach" || (GRID_FILTERS as readonly string[]).includes(name));
  const cell = Prisma.sql`i.campaign_id::text AS campaign, i.language::text AS language, i.category::text AS category, i.status::text AS status`;
  return onlyGridFilters
    ? db().$queryRaw<GridCell[]>`SELECT ${cell}, i.items FROM campaign_cell_counts i ${where} AND i.items > 0`
    : db().$queryRaw<GridCell[]>`
        SELECT ${cell}, count(*)::int AS items FROM items i ${where}
        GROUP BY i.campaign_id, i.language, i.category, i.status`;
}

/** Items up to the cap and one more: enough to tell "exactly n" from "more than the cap". */
async function cappedFlagCount(conditions: Map<ConditionName, Prisma.Sql>, flag: ExplorerFlag, cap: number): Promise<number> {
  const rows = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count
    FROM (SELECT 1 FROM items i ${whereOf(conditions, EXPLORER_FLAGS)} AND ${flagCondition(flag)} LIMIT ${cap + 1}) capped`;
  return rows[0]?.count ?? 0;
}

export async function countItems(
  viewer: Viewer,
  input: z.input<typeof explorerCountsQuerySchema>,
  { cap = EXPLORER_COUNT_CAP }: { cap?: number } = {},
): Promise<ExplorerCounts> {
  assertRole(viewer, "reviewer");
  const filter = explorerCountsQuerySchema.parse(input);
  const conditions = explorerConditions(viewer, filter);
  // Flags are counted with every flag filter left out: the grid answers `retracted` only when no other flag filters.
  const gridAnswersRetracted = EXPLORER_FLAGS.every((flag) => flag === "retracted" || filter[flag] === undefined);
  const cappedFlags = EXPLORER_FLAGS.filter((flag) => flag !== "retracted" || !gridAnswersRetracted);
  // The words are matched in the filtered language only when a language is chosen (see explorerConditions); the
  // grid counts every language, so it takes the words as every reachable language stems them.
  const { language: _chosenLanguage, ...anyLanguage } = filter;
  const [grid, campaigns, capped] = await Promise.all([
    readGrid(explorerConditions(viewer, anyLanguage)),
    db().$queryRaw<{ id: string; name: string }[]>`SELECT id::text AS id, name FROM campaigns ORDER BY name`,
    Promise.all(cappedFlags.map(async (flag) => [flag, await cappedFlagCount(conditions, flag, cap)] as const)),
  ]);
  const flags = Object.fromEntries(capped) as Partial<ExplorerCounts["flags"]>;
  if (gridAnswersRetracted) flags.retracted = itemsIn(grid, (cell) => cell.status === "retracted" && cellMatches(cell, filter, "retracted"));
  const plain = (facet: Exclude<Facet, "campaign">) =>
    [...facetCounts(grid, filter, facet)]
      .map(([value, count]) => ({ value, label: value, count }))
      .sort((a, b) => a.value.localeCompare(b.value));
  const perCampaign = facetCounts(grid, filter, "campaign");
  return {
    total: itemsIn(grid, (cell) => cellMatches(cell, filter, null)),
    cap,
    facets: {
      campaign: campaigns.filter((row) => perCampaign.has(row.id)).map((row) => ({ value: row.id, label: row.name, count: perCampaign.get(row.id)! })),
      language: plain("language"),
      category: plain("category"),
      status: plain("status"),
    },
    flags: flags as ExplorerCounts["flags"],
  };
}
