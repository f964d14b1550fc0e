// The dataset card (README.md of a release) in the Hugging Face format: YAML metadata, then prose a reader of
// the dataset needs: what it is, how it was written and reviewed, statistics, licence, citation.
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";

export interface LanguageStatistics {
  language: string;
  items: number;
  categories: Record<string, number>;
}

export interface GuidelineUse {
  campaign: string;
  language: string;
  version: number | null;
  items: number;
}

export interface DatasetCardInput {
  datasetName: string;
  version: string;
  license: string;
  notes: string;
  createdAt: Date;
  previousVersion: string | null;
  languages: readonly LanguageStatistics[];
  guidelines: readonly GuidelineUse[];
  maskedPiiSpans: number;
  /** Authorship evidence in aggregate (never per item): left out, the card says nothing about it. */
  authorship?: AuthorshipSummary;
}

export interface AuthorshipSummary {
  /** Items whose author's writing was counted by escriba's editor. */
  withEvidence: number;
  /** Of those, items written with under 5 % of their text inserted (pasted, dropped or inserted without typing). */
  mostlyTyped: number;
}

const LANGUAGE_NAMES: Record<string, string> = { es: "Spanish", ca: "Catalan", eu: "Basque", gl: "Galician" };

/** Hugging Face's size buckets. */
function sizeCategory(items: number): string {
  const buckets: [number, string][] = [
    [1_000, "n<1K"],
    [10_000, "1K<n<10K"],
    [100_000, "10K<n<100K"],
    [1_000_000, "100K<n<1M"],
    [10_000_000, "1M<n<10M"],
  ];
  return buckets.find(([limit]) => items < limit)?.[1] ?? "10M<n<100M";
}

/** YAML scalars quoted as JSON strings, which YAML reads back unchanged. */
const yamlString = (value: string) => JSON.stringify(value);

function statisticsTable(languages: readonly LanguageStatistics[]): string {
  const categories = ITEM_CATEGORIES.filter((category) => languages.some((stats) => (stats.categories[category] ?? 0) > 0));
  const header = `| language | ${categories.join(" | ")} | total |`;
  const rule = `|---|${categories.map(() => "---:").join("|")}|---:|`;
  const rows = languages.map(
    (stats) => `| ${stats.language} | ${categories.map((category) => stats.categories[category] ?? 0).join(" | ")} | ${stats.items} |`,
  );
  const totals = categories.map((category) => languages.reduce((sum, stats) => sum + (stats.categories[category] ?? 0), 0));
  const total = languages.reduce((sum, stats) => sum + stats.items, 0);
  return [header, rule, ...rows, `| **all** | ${totals.join(" | ")} | ${total} |`].join("\n");
}

function authorshipLines(summary: AuthorshipSummary, total: number): string[] {
  const percent = summary.withEvidence === 0 ? 0 : Math.round((summary.mostlyTyped * 1000) / summary.withEvidence) / 10;
  return [
    "### Authorship evidence",
    "",
    "While annotators wrote, the editor counted how each text came to be (characters typed, pasted, dropped or inserted without",
    "keystrokes; never the keys or the text) and showed it to reviewers. No per-item counters are published. In aggregate:",
    `${summary.mostlyTyped} of the ${summary.withEvidence} items with such counters (${percent} %) were written with under 5 % of their text`,
    `inserted; ${total - summary.withEvidence} item(s) have no counters (written before they were recorded, or through the API).`,
  ];
}

export function renderDatasetCard(input: DatasetCardInput): string {
  const languages = ITEM_LANGUAGES.map((code) => input.languages.find((stats) => stats.language === code)).filter(
    (stats): stats is LanguageStatistics => stats !== undefined && stats.items > 0,
  );
  const total = languages.reduce((sum, stats) => sum + stats.items, 0);
  const year = input.createdAt.getUTCFullYear();
  const citationKey = `escriba_${input.datasetName.toLowerCase().replace(/[^a-z0-9]+/g, "_")}_${input.version.replace(/[^0-9a-z]+/gi, "_")}`;

  const yaml = [
    "---",
    `pretty_name: ${yamlString(input.datasetName)}`,
    `license: ${input.license}`,
    "language:",
    ...languages.map((stats) => `- ${stats.language}`),
    "task_categories:",
    "- text-generation",
    "- question-answering",
    "- summarization",
    "size_categories:",
    `- ${sizeCategory(total)}`,
    "configs:",
    ...languages.flatMap((stats, index) => [
      `- config_name: ${stats.language}`,
      ...(index === 0 ? ["  default: true"] : []),
      "  data_files:",
      "  - split: train",
      `    path: data/${stats.language}/train.parquet`,
    ]),
    "---",
  ];

  const guidelineLines =
    input.guidelines.length === 0
      ? ["No guideline versions were recorded for these items."]
      : input.guidelines.map(
          (use) =>
            `- ${use.campaign}, ${LANGUAGE_NAMES[use.language] ?? use.language}: ${use.version === null ? "no guideline" : `version ${use.version}`} (${use.items} items)`,
        );

  const body = [
    `# ${input.datasetName} ${input.version}`,
    "",
    `Instruction/response pairs written by people in ${languages.map((stats) => LANGUAGE_NAMES[stats.language] ?? stats.language).join(", ") || "no language yet"}: ${total} items in this release.`,
    ...(input.notes.trim() ? ["", input.notes.trim()] : []),
    "",
    "## How it was made",
    "",
    "Every item was written from scratch by a contracted annotator qualified in its language, following written guidelines for its",
    "language and category, and checked automatically (language identification, personal data, duplicates, length and shape rules)",
    "before review. Reviewers qualified in the language approved, edited, sent back or rejected each item against a rubric",
    "(instruction quality, response correctness, fluency and language norm, safety and bias, guideline adherence); campaigns can",
    "require two independent approvals, and disagreements are settled by a maintainer. Only approved, non-retracted items are",
    "released, each exactly as last approved.",
    "",
    "Personal data the detectors still find (e-mail addresses, phone numbers, DNI/NIE, IBAN, payment cards, IP addresses) is",
    `replaced by typed placeholders such as \`[EMAIL]\`; ${input.maskedPiiSpans} span(s) were masked in this release. Annotators appear`,
    "under pseudonyms that stay the same across releases and cannot be traced back without the publisher's key.",
    "",
    ...(input.authorship ? [...authorshipLines(input.authorship, languages.reduce((sum, stats) => sum + stats.items, 0)), ""] : []),
    "### Guideline versions",
    "",
    ...guidelineLines,
    "",
    "## Structure",
    "",
    "One configuration per language, each a single `train` split, as JSON Lines (`data/<language>/train.jsonl`) and Parquet",
    "(`data/<language>/train.parquet`) with the same fields:",
    "",
    "| field | type | meaning |",
    "|---|---|---|",
    "| `id` | string | stable item id (UUID), the same in every release |",
    "| `language` | string | `es`, `ca`, `eu` or `gl` |",
    "| `variety` | string, optional | regional variety, when the annotator gave one |",
    "| `category` | string | task category, e.g. `open_qa`, `closed_qa`, `summarization` |",
    "| `instruction` | string | what the user asks |",
    "| `context` | string, optional | text the instruction refers to |",
    "| `response` | string | the answer written by the annotator (or as edited in review) |",
    "| `source_url`, `source_license` | string, optional | where a copied context comes from, and its licence |",
    "| `guideline_version` | integer, optional | version of the guidelines the item was written under |",
    "| `annotator` | string | pseudonymous annotator id |",
    "| `created_at` | timestamp (UTC) | when the item was first written |",
    "",
    "## Statistics",
    "",
    languages.length > 0 ? statisticsTable(languages) : "This release contains no items.",
    "",
    "## Changes",
    "",
    input.previousVersion
      ? `See \`CHANGELOG.md\` for the items added, changed and retracted since ${input.previousVersion}.`
      : "This is the first release; `CHANGELOG.md` says so.",
    "`manifest.json` lists every file with its size and SHA-256, and `SHA256SUMS` can be checked with `sha256sum -c SHA256SUMS`",
    "or `escriba release verify <folder>`.",
    "",
    "## Licence",
    "",
    `Released under \`${input.license}\`.`,
    "",
    "## Citation",
    "",
    "```bibtex",
    `@misc{${citationKey},`,
    `  title  = {${input.datasetName}},`,
    `  note   = {Version ${input.version}},`,
    `  year   = {${year}},`,
    "}",
    "```",
    "",
  ];
  return [...yaml, "", ...body].join("\n");
}
