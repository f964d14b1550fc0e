// Releases end to end against a real PostgreSQL, read back by an independent reader (DuckDB): exactly the
// approved items, right fields, PII masked, checksums that verify, byte-identical rebuilds, and a changelog
// that lists exactly what was retracted and added.
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

process.env.ESCRIBA_RELEASES_DIR = await mkdtemp(path.join(tmpdir(), "escriba-releases-"));

const { db } = await import("@/lib/db");
const { AppError } = await import("@/lib/errors");
const { createDraft } = await import("@/lib/items/create-draft");
const { retractItem } = await import("@/lib/items/retract-item");
const { startJobWorkers } = await import("@/lib/jobs/job-queue");
const { JOB_HANDLERS } = await import("@/lib/jobs/job-handlers");
const { releaseFolder } = await import("@/lib/releases/release-storage");
const { createRelease } = await import("@/lib/releases/create-release");
const { publishRelease } = await import("@/lib/releases/publish-release");
const { pseudonymKey } = await import("@/lib/releases/pseudonym-key");
const { getRelease, listReleases } = await import("@/lib/releases/read-releases");
const { ReleaseBuildConnection } = await import("@/lib/releases/release-database");
const { annotatorPseudonym } = await import("@/lib/releases/release-record");
const { RELEASED_COLUMNS } = await import("@/lib/releases/release-columns");
const { verifyReleaseFolder } = await import("@/lib/releases/verify-release");
const { writeReleaseFiles } = await import("@/lib/releases/write-release-files");
const { ITEM_LANGUAGES } = await import("@/lib/vocabulary");
const { createTestCampaign } = await import("@/tests/support/seed-campaigns");
const { reviewItem, submitItemWithText } = await import("@/tests/support/seed-approved-items");
const { claimItem } = await import("@/tests/support/claim-item");
const { createTestUser } = await import("@/tests/support/seed-users");
const { RELEASE_TEXTS } = await import("@/tests/support/release-texts");
const { ownDatabaseForThisFile } = await import("@/tests/support/own-database");
const { viewerOf } = await import("@/tests/support/viewers");

type ItemLanguage = (typeof ITEM_LANGUAGES)[number];
const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

const ownDatabase = ownDatabaseForThisFile("escriba_releases");
let duck: DuckDBConnection;
let workers: Awaited<ReturnType<typeof startJobWorkers>>;

ownDatabase.beforeDrop(async () => {
  await workers?.stop();
  duck?.closeSync();
});

/** What a released row must hold for an item: its approved revision's text, PII masked, the pseudonym. */
interface ExpectedRow {
  id: string;
  language: string;
  category: string;
  instruction: string;
  response: string;
  context: string | null;
  variety: string | null;
  source_url: string | null;
  source_license: string | null;
  guideline_version: number | null;
  annotator: string;
  created_at: string;
}

async function waitForBuild(version: string, maintainer: Parameters<typeof getRelease>[0]) {
  for (let waited = 0; waited < 60_000; waited += 100) {
    const release = await getRelease(maintainer, version);
    if (release.status !== "queued" && release.status !== "building") return release;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`release ${version} did not finish building within a minute`);
}

/** The JSONL fields as DuckDB should type them, from the release's column table. */
const JSONL_COLUMNS = RELEASED_COLUMNS.map(
  (column) => `${column.release.field}: '${column.kind === "int4" ? "INTEGER" : column.kind === "timestamptz" ? "TIMESTAMPTZ" : "VARCHAR"}'`,
).join(", ");

async function readWithDuckDb(file: string): Promise<ExpectedRow[]> {
  const reader = file.endsWith(".parquet")
    ? `read_parquet('${file}')`
    : `read_json('${file}', format = 'newline_delimited', columns = {${JSONL_COLUMNS}})`;
  const result = await duck.runAndReadAll(
    `SET TimeZone = 'UTC'; SELECT id, language, variety, category, instruction, context, response, source_url, source_license,
            guideline_version, annotator, strftime(created_at::TIMESTAMP, '%Y-%m-%dT%H:%M:%S.%gZ') AS created_at
     FROM ${reader} ORDER BY id`,
  );
  return result.getRowObjectsJson() as unknown as ExpectedRow[];
}

function changelogSection(changelog: string, heading: string): string[] {
  const start = changelog.indexOf(`### ${heading}`);
  assert.ok(start >= 0, `CHANGELOG.md has a "${heading}" section`);
  const rest = changelog.slice(start).split("\n").slice(1);
  const end = rest.findIndex((line) => line.startsWith("### ") || line.startsWith("In total"));
  return rest.slice(0, end < 0 ? undefined : end).filter((line) => line.startsWith("- ")).map((line) => line.slice(2)).sort();
}

describe("a release of approved items across four languages", () => {
  const expected = new Map<string, ExpectedRow>();
  const approvedByLanguage = new Map<ItemLanguage, string[]>();
  let maintainer: ReturnType<typeof viewerOf>;
  let campaignId: string;
  let annotators: Record<ItemLanguage, Awaited<ReturnType<typeof createTestUser>>>;
  let reviewers: Record<ItemLanguage, Awaited<ReturnType<typeof createTestUser>>>;

  async function expectApproved(itemId: string) {
    const item = await db().item.findUniqueOrThrow({
      where: { id: itemId },
      include: { approvedRevision: true },
    });
    const revision = item.approvedRevision!;
    const guideline = revision.guidelineId ? await db().guideline.findUniqueOrThrow({ where: { id: revision.guidelineId } }) : null;
    expected.set(itemId, {
      id: item.id,
      language: item.language,
      category: revision.category,
      instruction: revision.instruction,
      response: revision.response.replace("ana.lopez@example.org", "[EMAIL]"),
      context: revision.context,
      variety: revision.variety,
      source_url: revision.sourceUrl,
      source_license: revision.sourceLicense,
      guideline_version: guideline?.version ?? null,
      annotator: annotatorPseudonym(await pseudonymKey(), item.authorId),
      created_at: item.createdAt.toISOString(),
    });
  }

  before(async () => {
    workers = await startJobWorkers({ connectionString: ownDatabase.url, concurrency: 1, handlers: JOB_HANDLERS });
    duck = await (await DuckDBInstance.create(":memory:")).connect();
    const campaign = await createTestCampaign();
    campaignId = campaign.id;
    maintainer = viewerOf(await createTestUser("maintainer", [...ITEM_LANGUAGES]));
    annotators = {} as typeof annotators;
    reviewers = {} as typeof reviewers;
    for (const language of ITEM_LANGUAGES) {
      annotators[language] = await createTestUser("annotator", [language]);
      reviewers[language] = await createTestUser("reviewer", [language]);
    }
    for (const language of ITEM_LANGUAGES) {
      const [first, second, third] = RELEASE_TEXTS[language];
      const approved: string[] = [];
      // Approved as written.
      const plain = await submitItemWithText(annotators[language], campaignId, language, first!);
      await reviewItem(reviewers[language], plain, "approve");
      approved.push(plain.id);
      // Approved after the reviewer edited the response: the release carries the edited text.
      const edited = await submitItemWithText(annotators[language], campaignId, language, second!);
      await reviewItem(reviewers[language], edited, "approve", { response: `${second!.response} (revisado)` });
      approved.push(edited.id);
      // Submitted only (and under review by someone else, so the items below are the ones their reviewer is handed),
      // rejected, sent back, and a draft: none of them is released.
      const pending = await submitItemWithText(annotators[language], campaignId, language, third!);
      await claimItem(viewerOf(await createTestUser("reviewer", [language])), pending);
      const rejected = await submitItemWithText(annotators[language], campaignId, language, {
        instruction: `${third!.instruction} (bis)`,
        response: `${third!.response} Segunda versión.`,
      });
      await reviewItem(reviewers[language], rejected, "reject");
      await createDraft(viewerOf(annotators[language]), { campaignId, language, category: "open_qa", instruction: "borrador", response: "" });
      approvedByLanguage.set(language, approved);
    }
    // Spanish: a closed_qa item with context and source, and an e-mail address the reviewer let through.
    const withContext = await submitItemWithText(annotators.es, campaignId, "es", {
      category: "closed_qa",
      instruction: "Según el texto, ¿en qué año se inauguró la línea y a quién escribir para dudas?",
      context: "La línea de tranvía se inauguró en 1903 y llegó a tener doce kilómetros de recorrido por el centro de la ciudad.",
      sourceUrl: "https://example.org/historia-tranvia",
      sourceLicense: "CC BY 4.0",
      variety: "peninsular",
      response: "Se inauguró en 1903; para dudas, escribe a ana.lopez@example.org, que lleva el archivo.",
      piiDeclaredFictional: true,
    });
    await reviewItem(reviewers.es, withContext, "approve");
    approvedByLanguage.get("es")!.push(withContext.id);
    for (const ids of approvedByLanguage.values()) for (const id of ids) await expectApproved(id);
  });

  test("an annotator or reviewer cannot create a release; an unpublished one is invisible to the public", async () => {
    await assert.rejects(createRelease(viewerOf(annotators.gl), { version: "0.0.1", license: "cc-by-4.0" }), isCode("forbidden"));
    await assert.rejects(createRelease(viewerOf(reviewers.gl), { version: "0.0.1", license: "cc-by-4.0" }), isCode("forbidden"));
    await assert.rejects(createRelease(maintainer, { version: "1.0", license: "cc-by-4.0" }), (error: unknown) => {
      return error instanceof Error && /version/.test(JSON.stringify((error as { issues?: unknown }).issues ?? error.message));
    });
    assert.equal(await db().release.count(), 0);
  });

  let firstFolder: string;

  test("1.0.0 holds exactly the approved items, read back identically from JSONL and Parquet by DuckDB", async () => {
    const created = await createRelease(maintainer, { version: "1.0.0", license: "cc-by-4.0", notes: "Primera publicación." });
    assert.equal(created.status, "queued");
    await assert.rejects(getRelease(null, "1.0.0"), isCode("not_found"));
    const built = await waitForBuild("1.0.0", maintainer);
    assert.equal(built.status, "built", built.error ?? "");
    assert.equal(built.progress.done, expected.size);
    firstFolder = releaseFolder(built.id);

    for (const language of ITEM_LANGUAGES) {
      const want = [...expected.values()].filter((row) => row.language === language).sort((a, b) => (a.id < b.id ? -1 : 1));
      for (const format of ["jsonl", "parquet"]) {
        const rows = await readWithDuckDb(path.join(firstFolder, "data", language, `train.${format}`));
        assert.deepEqual(rows, want, `data/${language}/train.${format}`);
      }
    }
    const allJsonl = (await Promise.all(ITEM_LANGUAGES.map((language) => readFile(path.join(firstFolder, "data", language, "train.jsonl"), "utf8")))).join("");
    assert.doesNotMatch(allJsonl, /ana\.lopez@example\.org/, "remaining PII is masked");
    assert.match(allJsonl, /\(revisado\)/, "the reviewer's edit is what is released");
    assert.doesNotMatch(allJsonl, new RegExp(Object.values(annotators).map((user) => user.id).join("|")), "no real author id leaks");
  });

  test("the files verify against SHA256SUMS and the manifest, and a tampered copy does not", async () => {
    const names = (await readdir(firstFolder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    assert.equal(names.length, 4 * 2 + 4, "two data files per language, README.md, CHANGELOG.md, manifest.json, SHA256SUMS");
    const result = await verifyReleaseFolder(firstFolder);
    assert.deepEqual(result.problems, []);
    assert.equal(result.checked, 11);

    const manifest = JSON.parse(await readFile(path.join(firstFolder, "manifest.json"), "utf8"));
    assert.equal(manifest.items, expected.size);
    assert.equal(manifest.masked_pii_spans, 1);
    assert.deepEqual(
      manifest.languages.map((entry: { language: string; items: number }) => [entry.language, entry.items]),
      ITEM_LANGUAGES.map((language) => [language, approvedByLanguage.get(language)!.length]),
    );
    const release = await getRelease(maintainer, "1.0.0");
    for (const file of manifest.files) {
      assert.equal(release.files.find((stored) => stored.path === file.path)?.sha256, file.sha256, `${file.path} is registered`);
    }

    const tampered = await mkdtemp(path.join(tmpdir(), "escriba-tampered-"));
    await cp(firstFolder, tampered, { recursive: true });
    const jsonl = path.join(tampered, "data", "gl", "train.jsonl");
    await writeFile(jsonl, (await readFile(jsonl, "utf8")).replace("outono", "inverno"));
    const tamperedResult = await verifyReleaseFolder(tampered);
    assert.equal(tamperedResult.ok, false);
    assert.match(tamperedResult.problems.join("\n"), /data\/gl\/train\.jsonl/);
  });

  test("the dataset card has Hugging Face metadata, one config per language, and statistics", async () => {
    const card = await readFile(path.join(firstFolder, "README.md"), "utf8");
    const yaml = card.slice(0, card.indexOf("\n---", 4));
    assert.match(yaml, /^---\npretty_name: "escriba instructions"\nlicense: cc-by-4\.0\nlanguage:\n- es\n- ca\n- eu\n- gl\n/);
    assert.match(yaml, /size_categories:\n- n<1K/);
    for (const language of ITEM_LANGUAGES) {
      assert.match(yaml, new RegExp(`- config_name: ${language}\\n(  default: true\\n)?  data_files:\\n  - split: train\\n    path: data/${language}/train.parquet`));
    }
    assert.match(card, /\| es \| 2 \| 1 \| 3 \|/, "Spanish: 2 open_qa, 1 closed_qa, 3 in all");
    assert.match(card, /^- Test campaign, Spanish: version 1 \(3 items\)$/m, "guideline versions per campaign and language");
    assert.match(card, /^- Test campaign, Galician: version 1 \(2 items\)$/m);
    assert.match(card, /Primera publicación\./);
    assert.match(card, /@misc\{/);
    const changelog = await readFile(path.join(firstFolder, "CHANGELOG.md"), "utf8");
    assert.match(changelog, /First release: 9 items/);
  });

  test("building the same release again gives byte-identical files", async () => {
    const release = await db().release.findUniqueOrThrow({ where: { version: "1.0.0" } });
    const again = await mkdtemp(path.join(tmpdir(), "escriba-rebuild-"));
    const connection = await ReleaseBuildConnection.open(ownDatabase.url);
    try {
      await writeReleaseFiles(
        await connection.content(release.id, null),
        { ...release, datasetName: "escriba instructions", previous: null },
        again,
        { pseudonymKey: await pseudonymKey() },
      );
    } finally {
      await connection.close();
    }
    const files = (await readdir(firstFolder, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(firstFolder, path.join(entry.parentPath, entry.name)));
    for (const file of files) {
      assert.ok((await readFile(path.join(firstFolder, file))).equals(await readFile(path.join(again, file))), `${file} is identical`);
    }
  });

  test("after retracting one item and approving two more, 1.1.0's changelog lists exactly those", async () => {
    await assert.rejects(publishRelease(viewerOf(annotators.es), "1.0.0"), isCode("forbidden"));
    const published = await publishRelease(maintainer, "1.0.0");
    assert.equal(published.status, "published");
    assert.equal((await getRelease(null, "1.0.0")).status, "published", "public once published");
    assert.deepEqual((await listReleases(null)).map((release) => release.version), ["1.0.0"]);
    await assert.rejects(publishRelease(maintainer, "1.0.0"), isCode("conflict"));
    await assert.rejects(createRelease(maintainer, { version: "0.9.0", license: "cc-by-4.0" }), isCode("validation_failed"));

    const retracted = approvedByLanguage.get("ca")![0]!;
    await assert.rejects(retractItem(viewerOf(reviewers.ca), retracted, { reason: "Llicència dubtosa." }), isCode("forbidden"));
    await retractItem(maintainer, retracted, { reason: "Llicència dubtosa." });
    await assert.rejects(retractItem(maintainer, retracted, { reason: "Again." }), isCode("conflict"));
    const added: string[] = [];
    for (const language of ["eu", "gl"] as const) {
      const item = await submitItemWithText(annotators[language], campaignId, language, RELEASE_TEXTS[language][3]!);
      await reviewItem(reviewers[language], item, "approve");
      added.push(item.id);
    }

    await createRelease(maintainer, { version: "1.1.0", license: "cc-by-4.0" });
    const built = await waitForBuild("1.1.0", maintainer);
    assert.equal(built.status, "built", built.error ?? "");
    assert.equal(built.previousVersion, "1.0.0");
    const changelog = await readFile(path.join(releaseFolder(built.id), "CHANGELOG.md"), "utf8");
    assert.deepEqual(changelogSection(changelog, "Added"), added.sort());
    assert.deepEqual(changelogSection(changelog, "Retracted"), [retracted]);
    assert.deepEqual(changelogSection(changelog, "Changed"), []);
    assert.match(changelog, /2 added, 0 changed, 1 retracted/);
    const catalan = await readWithDuckDb(path.join(releaseFolder(built.id), "data", "ca", "train.parquet"));
    assert.deepEqual(catalan.map((row) => row.id), approvedByLanguage.get("ca")!.filter((id) => id !== retracted).sort());
    // Pseudonyms are stable across releases: the same item's annotator reads the same in 1.0.0 and 1.1.0.
    const galicianBefore = await readWithDuckDb(path.join(firstFolder, "data", "gl", "train.jsonl"));
    const galicianAfter = await readWithDuckDb(path.join(releaseFolder(built.id), "data", "gl", "train.jsonl"));
    assert.equal(galicianAfter.length, galicianBefore.length + 1);
    for (const row of galicianBefore) assert.equal(galicianAfter.find((other) => other.id === row.id)?.annotator, row.annotator);
    // The published 1.0.0 is immutable: its files still hold the retracted item.
    assert.match(await readFile(path.join(firstFolder, "data", "ca", "train.jsonl"), "utf8"), new RegExp(retracted));
    assert.deepEqual((await verifyReleaseFolder(firstFolder)).problems, []);
  });
});
