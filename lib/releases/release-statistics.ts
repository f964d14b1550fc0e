// What the dataset card and the manifest say about a release's items (per language: items per category; per
// campaign and language: items per guideline version), counted from the rows as they stream into the files rather
// than by two more joins over the whole release afterwards (4–5 s of PostgreSQL for a million items). Orders are
// fixed (the enums' orders, campaign names by UTF-8 bytes), so the same rows always give the same card.
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";
import type { GuidelineUse, LanguageStatistics } from "./dataset-card";

export interface CountedRow {
  language: string;
  category: string;
  campaignId: string;
  guidelineVersion: number | null;
}

const orderOf = (values: readonly string[]) => (value: string) => {
  const index = values.indexOf(value);
  return index === -1 ? values.length : index;
};
const languageOrder = orderOf(ITEM_LANGUAGES);
const categoryOrder = orderOf(ITEM_CATEGORIES);

/** PostgreSQL's `COLLATE "C"`: byte order of the UTF-8 encoding, the same on every machine and in every locale. */
const byUtf8Bytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

const byVersionNoneFirst = (a: number | null, b: number | null) =>
  a === b ? 0 : a === null ? -1 : b === null ? 1 : a - b;

export class ReleaseStatistics {
  /** language → category → items */
  private readonly categories = new Map<string, Map<string, number>>();
  /** language → campaign id → guideline version (null: none) → items */
  private readonly guidelines = new Map<string, Map<string, Map<number | null, number>>>();

  count(row: CountedRow): void {
    const categories = this.categories.get(row.language) ?? new Map<string, number>();
    this.categories.set(row.language, categories);
    categories.set(row.category, (categories.get(row.category) ?? 0) + 1);

    const campaigns = this.guidelines.get(row.language) ?? new Map<string, Map<number | null, number>>();
    this.guidelines.set(row.language, campaigns);
    const versions = campaigns.get(row.campaignId) ?? new Map<number | null, number>();
    campaigns.set(row.campaignId, versions);
    versions.set(row.guidelineVersion, (versions.get(row.guidelineVersion) ?? 0) + 1);
  }

  /** Items counted in one language so far. */
  itemsIn(language: string): number {
    let items = 0;
    for (const count of this.categories.get(language)?.values() ?? []) items += count;
    return items;
  }

  /** Languages with items, in the enum's order; categories in theirs. */
  languages(): LanguageStatistics[] {
    return [...this.categories.keys()]
      .sort((a, b) => languageOrder(a) - languageOrder(b))
      .map((language) => {
        const categories = [...this.categories.get(language)!].sort(([a], [b]) => categoryOrder(a) - categoryOrder(b));
        return { language, items: this.itemsIn(language), categories: Object.fromEntries(categories) };
      });
  }

  /** Campaigns used, by id. */
  campaignIds(): string[] {
    const ids = new Set<string>();
    for (const campaigns of this.guidelines.values()) for (const id of campaigns.keys()) ids.add(id);
    return [...ids].sort();
  }

  /**
   * Items per campaign, language and guideline version. Campaigns are shown by name, so two campaigns of the same
   * name count together. Ordered by name, language, then version with "none" first.
   */
  guidelineUses(campaignNames: ReadonlyMap<string, string>): GuidelineUse[] {
    const uses = new Map<string, GuidelineUse>();
    for (const [language, campaigns] of this.guidelines) {
      for (const [campaignId, versions] of campaigns) {
        const campaign = campaignNames.get(campaignId);
        if (campaign === undefined) throw new Error(`No name for campaign ${campaignId}`);
        for (const [version, items] of versions) {
          const key = JSON.stringify([campaign, language, version]);
          const use = uses.get(key);
          if (use) use.items += items;
          else uses.set(key, { campaign, language, version, items });
        }
      }
    }
    return [...uses.values()].sort(
      (a, b) =>
        byUtf8Bytes(a.campaign, b.campaign) ||
        languageOrder(a.language) - languageOrder(b.language) ||
        byVersionNoneFirst(a.version, b.version),
    );
  }
}
