// Writes every file of a release from its frozen item set into a folder. Rows stream through in batches (memory
// does not grow with the release), and the same frozen set always gives the same bytes: rows in id order, no
// clocks, no random ids, fixed field order, sums in path order.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { renderDatasetCard } from "./dataset-card";
import { ParquetThread } from "./parquet-thread-client";
import { TextFile, type WrittenFile } from "./release-files";
import { RELEASE_PARQUET_SCHEMA, type ReleaseRecord } from "./release-columns";
import type { LanguageRows, ReleaseContent } from "./release-database";
import { toParquetColumns } from "./compile-release-columns";
import { annotatorPseudonyms, releaseRecordMaker } from "./release-record";
import { ReleaseStatistics } from "./release-statistics";

/** Rows per Parquet row group: large enough to compress well, small enough to keep memory flat. */
const ROW_GROUP_ROWS = 5_000;
const PARQUET_CREATED_BY = "escriba release builder";

/** Code-point order, the same on every machine (localeCompare would depend on the locale). */
const byPath = (a: WrittenFile, b: WrittenFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export interface ReleaseDescription {
  id: string;
  version: string;
  license: string;
  notes: string;
  createdAt: Date;
  datasetName: string;
  previous: { id: string; version: string } | null;
}

export interface ReleaseManifest {
  format: 1;
  name: string;
  version: string;
  license: string;
  created_at: string;
  previous_version: string | null;
  items: number;
  masked_pii_spans: number;
  languages: { language: string; items: number; categories: Record<string, number> }[];
  guidelines: { campaign: string; language: string; version: number | null; items: number }[];
  changes: { added: number; changed: number; retracted: number } | null;
  files: { path: string; size_bytes: number; sha256: string; rows?: number }[];
}

export interface WrittenRelease {
  /** Every file including SHA256SUMS, in path order. */
  files: WrittenFile[];
  manifest: ReleaseManifest;
}

async function writeLanguageFiles(
  { language, batches }: LanguageRows,
  parquet: ParquetThread,
  folder: string,
  { recordOf, statistics }: { recordOf: ReturnType<typeof releaseRecordMaker>; statistics: ReleaseStatistics },
  onRows: (rows: number) => void,
): Promise<{ files: WrittenFile[]; maskedSpans: number }> {
  const relative = `data/${language}`;
  await mkdir(path.join(folder, relative), { recursive: true });
  const jsonl = new TextFile(path.join(folder, relative, "train.jsonl"), `${relative}/train.jsonl`);
  parquet.open(path.join(folder, relative, "train.parquet"), `${relative}/train.parquet`, RELEASE_PARQUET_SCHEMA, PARQUET_CREATED_BY);
  let group: ReleaseRecord[] = [];
  let maskedSpans = 0;
  for await (const rows of batches) {
    for (const row of rows) {
      statistics.count(row);
      const { record, maskedSpans: masked } = recordOf(row);
      maskedSpans += masked;
      jsonl.write(`${JSON.stringify(record)}\n`);
      group.push(record);
      if (group.length === ROW_GROUP_ROWS) {
        await parquet.writeRowGroup(toParquetColumns(group));
        group = [];
      }
    }
    onRows(rows.length);
  }
  await parquet.writeRowGroup(toParquetColumns(group));
  return { files: [jsonl.close(), await parquet.close()], maskedSpans };
}

async function writeChangelog(
  content: ReleaseContent,
  release: ReleaseDescription,
  folder: string,
  items: number,
): Promise<{ file: WrittenFile; changes: ReleaseManifest["changes"] }> {
  const changelog = new TextFile(path.join(folder, "CHANGELOG.md"), "CHANGELOG.md");
  changelog.write(`# Changelog\n\n## ${release.version}\n\n`);
  if (!release.previous) {
    changelog.write(`First release: ${items} items. Nothing to compare with.\n`);
    return { file: changelog.close(), changes: null };
  }
  changelog.write(`Compared with ${release.previous.version}.\n`);
  const changes = { added: 0, changed: 0, retracted: 0 };
  const headings = {
    added: "Added (approved since the previous release)",
    changed: "Changed (a newer approved revision)",
    retracted: "Retracted (no longer in the dataset)",
  } as const;
  for (const change of ["added", "changed", "retracted"] as const) {
    changelog.write(`\n### ${headings[change]}\n\n`);
    for await (const ids of content.changedIds(change)) {
      changes[change] += ids.length;
      changelog.write(ids.map((id) => `- ${id}\n`).join(""));
    }
    if (changes[change] === 0) changelog.write("None.\n");
  }
  changelog.write(`\nIn total: ${changes.added} added, ${changes.changed} changed, ${changes.retracted} retracted.\n`);
  return { file: changelog.close(), changes };
}

function writeTextFile(folder: string, relativePath: string, text: string): WrittenFile {
  const file = new TextFile(path.join(folder, relativePath), relativePath);
  file.write(text);
  return file.close();
}

/** Writes every file of the release into `folder` from its content (the frozen rows, the changes, the campaigns). */
export async function writeReleaseFiles(
  content: ReleaseContent,
  release: ReleaseDescription,
  folder: string,
  options: { pseudonymKey: string; onProgress?: (progress: { done: number; total: number }) => void },
): Promise<WrittenRelease> {
  await mkdir(folder, { recursive: true });
  const perLanguage = content.itemsPerLanguage;
  const items = perLanguage.reduce((sum, { items }) => sum + items, 0);
  options.onProgress?.({ done: 0, total: items });

  let rowsDone = 0;
  let maskedPiiSpans = 0;
  const dataFiles: WrittenFile[] = [];
  const statistics = new ReleaseStatistics();
  const recordOf = releaseRecordMaker(annotatorPseudonyms(options.pseudonymKey));
  const parquet = new ParquetThread();
  // The card's authorship figures come from one query on the connection the data files leave idle (they stream on
  // readers of their own): asked for now, PostgreSQL works on it while this process encodes rows.
  const authorship = content.authorship();
  authorship.catch(() => {}); // awaited for the card; a failure meanwhile is not an unhandled rejection
  try {
    for await (const languageRows of content.languages()) {
      const { language } = languageRows;
      const written = await writeLanguageFiles(languageRows, parquet, folder, { recordOf, statistics }, (rows) => {
        rowsDone += rows;
        options.onProgress?.({ done: rowsDone, total: items });
      });
      // release_items has no foreign keys: a frozen item whose revision or item row went missing would otherwise
      // drop out of the files silently.
      const expected = perLanguage.find((entry) => entry.language === language)?.items;
      if (statistics.itemsIn(language) !== expected) {
        throw new Error(`${language}: ${expected} items frozen but ${statistics.itemsIn(language)} read`);
      }
      dataFiles.push(...written.files);
      maskedPiiSpans += written.maskedSpans;
    }
  } finally {
    await parquet.stop();
  }

  // Before the next question on that connection, which would otherwise wait in line behind it.
  const authorshipSummary = await authorship;
  const languages = statistics.languages();
  const guidelines = statistics.guidelineUses(await content.campaignNames(statistics.campaignIds()));
  const { file: changelogFile, changes } = await writeChangelog(content, release, folder, items);
  const card = writeTextFile(
    folder,
    "README.md",
    renderDatasetCard({
      datasetName: release.datasetName,
      version: release.version,
      license: release.license,
      notes: release.notes,
      createdAt: release.createdAt,
      previousVersion: release.previous?.version ?? null,
      languages,
      guidelines,
      maskedPiiSpans,
      authorship: authorshipSummary,
    }),
  );

  const rowsOf = (file: WrittenFile) => languages.find((stats) => file.path.startsWith(`data/${stats.language}/`))?.items;
  const described = [...dataFiles, changelogFile, card].sort(byPath);
  const manifest: ReleaseManifest = {
    format: 1,
    name: release.datasetName,
    version: release.version,
    license: release.license,
    created_at: release.createdAt.toISOString(),
    previous_version: release.previous?.version ?? null,
    items,
    masked_pii_spans: maskedPiiSpans,
    languages,
    guidelines,
    changes,
    files: described.map((file) => ({
      path: file.path,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      ...(rowsOf(file) !== undefined ? { rows: rowsOf(file) } : {}),
    })),
  };
  const manifestFile = writeTextFile(folder, "manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  const summed = [...described, manifestFile].sort(byPath);
  // The format `sha256sum -c` reads: digest, two spaces, path.
  const sums = writeTextFile(folder, "SHA256SUMS", summed.map((file) => `${file.sha256}  ${file.path}\n`).join(""));
  return { files: [...summed, sums].sort(byPath), manifest };
}
