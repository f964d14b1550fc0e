// The WHERE clause of every explorer query (page, counts, export, bulk retraction), built once from the filters and
// the viewer's reach, so a selection acted upon is exactly the one that was shown.
import type { Viewer } from "@/lib/auth/viewer";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ExplorerFilter, ExplorerFlag } from "@/lib/explorer/schemas";
import { ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";

/** Longest search text looked at; the rest of a pasted page adds nothing a person meant to find. */
export const SEARCH_TEXT_LIMIT = 1000;

/**
 * Any text a person types becomes plain words: NUL, other control characters and broken surrogates (which PostgreSQL
 * cannot take) turn into spaces; plainto_tsquery then ignores quotes and operators.
 */
export function sanitizeSearchText(text: string | undefined): string {
  if (!text) return "";
  const cleaned = text
    .slice(0, SEARCH_TEXT_LIMIT)
    .replace(/[\u0000-\u001f\u007f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, " ");
  return cleaned.trim();
}

/** Which languages the viewer may explore: maintainers all, reviewers their own. */
export function explorerLanguagesFor(viewer: Pick<Viewer, "role" | "languages">): readonly ItemLanguage[] {
  return viewer.role === "maintainer" ? ITEM_LANGUAGES : viewer.languages;
}

function textMatch(text: string, languages: readonly ItemLanguage[]): Prisma.Sql {
  if (languages.length === 0) return Prisma.sql`FALSE`;
  const query = (language: ItemLanguage) =>
    Prisma.sql`plainto_tsquery(escriba_search_config(${language}::"Language"), escriba_unaccent(${text}))`;
  // One GIN-indexed match against the words as every reachable language stems them (a constant the planner can
  // estimate, so a rare word is looked up and never scanned for), then each item checked with its own language's
  // stemmer only, so a Basque inflection finds its Basque stem and nothing else.
  const anyLanguage = Prisma.join(languages.map(query), " || ");
  const ownLanguage = Prisma.join(
    languages.map((language) => Prisma.sql`(i.language = ${language}::"Language" AND i.search_vector @@ ${query(language)})`),
    " OR ",
  );
  return Prisma.sql`(i.search_vector @@ (${anyLanguage}) AND (${ownLanguage}))`;
}

const FLAG_CONDITIONS: Record<ExplorerFlag, Prisma.Sql> = {
  languageJustified: Prisma.sql`i.language_justification IS NOT NULL`,
  piiFictional: Prisma.sql`i.pii_declared_fictional`,
  nearDuplicates: Prisma.sql`EXISTS (SELECT 1 FROM item_revisions r WHERE r.item_id = i.id
    AND r.quality_report -> 'problems' @> '[{"code":"near_duplicate"}]'::jsonb)`,
  retracted: Prisma.sql`i.status = 'retracted'`,
  inRelease: Prisma.sql`EXISTS (SELECT 1 FROM release_items ri WHERE ri.item_id = i.id)`,
};

export function flagCondition(flag: ExplorerFlag): Prisma.Sql {
  return FLAG_CONDITIONS[flag];
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/** A filter's name, "reach" (what the viewer may see), "ids" (ticked rows) or "cursor" (a page's place in the order). */
export type ConditionName = keyof ExplorerFilter | "reach" | "cursor" | "ids";

/**
 * The conditions of a filter, each under its filter's name so counts can leave one out; `reach` (what the viewer
 * may see) is always there.
 */
export function explorerConditions(viewer: Pick<Viewer, "role" | "languages">, filter: ExplorerFilter): Map<ConditionName, Prisma.Sql> {
  const languages = explorerLanguagesFor(viewer);
  const conditions = new Map<ConditionName, Prisma.Sql>();
  conditions.set(
    "reach",
    viewer.role === "maintainer"
      ? Prisma.sql`TRUE`
      : Prisma.sql`i.language = ANY(${[...languages]}::"Language"[]) AND i.status <> 'draft'`,
  );
  const text = sanitizeSearchText(filter.q);
  if (text) conditions.set("q", textMatch(text, filter.language ? languages.filter((l) => l === filter.language) : languages));
  if (filter.campaign) conditions.set("campaign", Prisma.sql`i.campaign_id = ${filter.campaign}::uuid`);
  if (filter.language) conditions.set("language", Prisma.sql`i.language = ${filter.language}::"Language"`);
  if (filter.variety) conditions.set("variety", Prisma.sql`i.variety = ${filter.variety}`);
  if (filter.category) conditions.set("category", Prisma.sql`i.category = ${filter.category}::"Category"`);
  if (filter.status) conditions.set("status", Prisma.sql`i.status = ${filter.status}::"ItemStatus"`);
  if (filter.author) conditions.set("author", Prisma.sql`i.author_id = ${filter.author}::uuid`);
  if (filter.reviewer) {
    conditions.set("reviewer", Prisma.sql`EXISTS (SELECT 1 FROM reviews rv WHERE rv.item_id = i.id AND rv.reviewer_id = ${filter.reviewer}::uuid)`);
  }
  if (filter.guidelineVersion) {
    conditions.set("guidelineVersion", Prisma.sql`EXISTS (SELECT 1 FROM guidelines g WHERE g.id = i.guideline_id AND g.version = ${filter.guidelineVersion})`);
  }
  if (filter.createdFrom) conditions.set("createdFrom", Prisma.sql`i.created_at >= ${filter.createdFrom}::timestamptz`);
  if (filter.createdTo) conditions.set("createdTo", Prisma.sql`i.created_at < ${nextDay(filter.createdTo)}::timestamptz`);
  if (filter.approvedFrom) conditions.set("approvedFrom", Prisma.sql`i.approved_at >= ${filter.approvedFrom}::timestamptz`);
  if (filter.approvedTo) conditions.set("approvedTo", Prisma.sql`i.approved_at < ${nextDay(filter.approvedTo)}::timestamptz`);
  for (const flag of Object.keys(FLAG_CONDITIONS) as ExplorerFlag[]) {
    const wanted = filter[flag];
    if (wanted) conditions.set(flag, wanted === "yes" ? FLAG_CONDITIONS[flag] : Prisma.sql`NOT (${FLAG_CONDITIONS[flag]})`);
  }
  return conditions;
}

export function whereOf(conditions: Map<string, Prisma.Sql>, leaveOut: readonly string[] = []): Prisma.Sql {
  const kept = [...conditions].filter(([name]) => !leaveOut.includes(name)).map(([, sql]) => sql);
  return Prisma.sql`WHERE ${Prisma.join(kept, " AND ")}`;
}
