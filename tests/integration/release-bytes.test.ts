// Release files are a published contract: the same data must give the same bytes from one version of escriba to the
// next, or every downstream checksum and dedup breaks. A fixed dataset (fixed ids, times, texts and key) is built
// into two releases and every file's SHA-256 compared with the digests this builder has always produced. When a
// change to the files is intended (a new column, say), the failure lists the new digests to record here, and the
// change belongs in the release notes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import pg from "pg";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { writeReleaseFiles, type ReleaseDescription } from "@/lib/releases/write-release-files";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

const ownDatabase = ownDatabaseForThisFile("escriba_release_bytes");
const folders: string[] = [];
after(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

const PSEUDONYM_KEY = "fixed-pseudonym-key-for-the-byte-identity-test-0001";
const id = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, "0")}`;
const AUTHORS = [id("a0000001", 1), id("a0000001", 2)];
const MAINTAINER = id("a0000001", 3);
const CAMPAIGN = id("c0000001", 1);
const GUIDELINES = { es: id("90000001", 1), ca: id("90000001", 2), eu: id("90000001", 3) } as const;

interface FixedItem {
  n: number;
  language: "es" | "ca" | "eu" | "gl";
  category: string;
  variety: string | null;
  instruction: string;
  context: string | null;
  response: string;
  sourceUrl: string | null;
  sourceLicense: string | null;
}

const ITEMS: FixedItem[] = [
  { n: 1, language: "es", category: "open_qa", variety: "peninsular", instruction: "¿Por qué el cielo es azul?", context: null, response: "Por la dispersión de Rayleigh: la luz azul se dispersa más que la roja.", sourceUrl: null, sourceLicense: null },
  { n: 2, language: "es", category: "closed_qa", variety: null, instruction: "Según el texto, ¿cuándo se fundó la ciudad?", context: "La ciudad se fundó en 1492 \"junto al río\".\nTiene un puerto.", response: "En 1492.", sourceUrl: "https://es.wikipedia.org/wiki/Ejemplo", sourceLicense: "CC BY-SA 4.0" },
  { n: 3, language: "es", category: "creative_writing", variety: null, instruction: "Escribe una carta breve a Ana (ana.garcia@example.com, 612 345 678).", context: null, response: "Querida Ana: te escribo desde Madrid 🌞. Mi DNI es 12345678Z, por si lo necesitas.\\nUn abrazo.", sourceUrl: null, sourceLicense: null },
  { n: 4, language: "ca", category: "brainstorming", variety: "valencià", instruction: "Dona'm tres idees per a un sopar d'estiu.", context: null, response: "1. Esgarraet.\n2. Coca de recapte.\n3. Orxata amb fartons.", sourceUrl: null, sourceLicense: null },
  { n: 5, language: "ca", category: "summarization", variety: "central", instruction: "Resumeix el text en una frase.", context: "L'any 1714 Barcelona va caure després d'un llarg setge. La data s'ha convertit en la Diada.", response: "La caiguda de Barcelona el 1714 és l'origen de la Diada.", sourceUrl: null, sourceLicense: null },
  { n: 6, language: "eu", category: "open_qa", variety: "batua", instruction: "Zein da Euskal Herriko mendirik altuena?", context: null, response: "Hiru Errege Mahaia, 2.444 metrokoa, Nafarroan.", sourceUrl: null, sourceLicense: null },
  { n: 7, language: "gl", category: "general_qa", variety: "normativo", instruction: "Que é a morriña?", context: null, response: "Unha saudade profunda da terra: e\u0301 un sentimento moi galego.", sourceUrl: null, sourceLicense: null },
  { n: 8, language: "gl", category: "classification", variety: null, instruction: "Clasifica: mazá, cenoria, pera.", context: null, response: "Froitas: mazá, pera. Hortalizas: cenoria. IBAN de proba: ES91 2100 0418 4502 0005 1332.", sourceUrl: null, sourceLicense: null },
];

let client: pg.Client;

async function sql(text: string, values: unknown[] = []) {
  await client.query(text, values);
}

async function insertFixedData() {
  const at = "2026-03-01T10:00:00.000Z";
  for (const [index, userId] of [...AUTHORS, MAINTAINER].entries()) {
    await sql(
      `INSERT INTO users (id, email, name, password_hash, role, languages, created_at, updated_at)
       VALUES ($1, $2, $3, 'x', $4, '{es,ca,eu,gl}', $5, $5)`,
      [userId, `person${index}@bytes.test`, `Person ${index}`, index === 2 ? "maintainer" : "annotator", at],
    );
  }
  await sql(
    `INSERT INTO campaigns (id, slug, name, status, languages, categories, created_by_id, created_at, updated_at)
     VALUES ($1, 'bytes', 'Campaña de «bytes»', 'active', '{es,ca,eu,gl}', '{open_qa,closed_qa,brainstorming,classification,summarization,information_extraction,creative_writing,general_qa}', $2, $3, $3)`,
    [CAMPAIGN, MAINTAINER, at],
  );
  for (const [language, guidelineId] of Object.entries(GUIDELINES)) {
    await sql(
      `INSERT INTO guidelines (id, campaign_id, language, version, body, created_by_id, created_at) VALUES ($1, $2, $3, $4, 'Guía', $5, $6)`,
      [guidelineId, CAMPAIGN, language, language === "ca" ? 2 : 1, MAINTAINER, at],
    );
  }
  for (const item of ITEMS) await insertApproved(item, 1);
}

/** An approved item whose approved revision is number `revision` (the item row holds the same text). */
async function insertApproved(item: FixedItem, revision: number) {
  const itemId = id("10000001", item.n);
  const revisionId = id(`2000000${revision}`, item.n);
  const created = new Date(Date.UTC(2026, 3, item.n, 9, item.n, item.n, item.n * 7)).toISOString();
  const guidelineId = item.language === "gl" ? null : GUIDELINES[item.language];
  const authorId = AUTHORS[item.n % 2];
  const text = [item.variety, item.category, item.instruction, item.context, item.response, item.sourceUrl, item.sourceLicense];
  if (revision === 1) {
    await sql(
      `INSERT INTO items (id, campaign_id, guideline_id, author_id, language, variety, category, status, instruction, context,
                          response, source_url, source_license, version, review_round, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'approved', $8, $9, $10, $11, $12, 3, 1, $13, $13)`,
      [itemId, CAMPAIGN, guidelineId, authorId, item.language, ...text, created],
    );
  }
  await sql(
    `INSERT INTO item_revisions (id, item_id, number, kind, author_id, variety, category, instruction, context, response,
                                 source_url, source_license, guideline_id, created_at)
     VALUES ($1, $2, $3, 'submission', $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [revisionId, itemId, revision, authorId, ...text, guidelineId, created],
  );
  await sql(`UPDATE items SET approved_revision_id = $2, approved_at = $3 WHERE id = $1`, [itemId, revisionId, created]);
}

async function build(release: ReleaseDescription): Promise<Record<string, string>> {
  await sql(
    `INSERT INTO releases (id, version, notes, license, status, created_by_id, created_at, previous_release_id)
     VALUES ($1, $2, $3, $4, 'building', $5, $6, $7)`,
    [release.id, release.version, release.notes, release.license, MAINTAINER, release.createdAt, release.previous?.id ?? null],
  );
  const folder = await mkdtemp(path.join(tmpdir(), "escriba-release-bytes-"));
  folders.push(folder);
  const connection = await ReleaseBuildConnection.open(ownDatabase.url);
  try {
    await connection.freezeItems(release.id);
    await writeReleaseFiles(await connection.content(release.id, release.previous?.id ?? null), release, folder, {
      pseudonymKey: PSEUDONYM_KEY,
    });
  } finally {
    await connection.close();
  }
  const digests: Record<string, string> = {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((entry) => entry.isFile())) {
    const relative = path.relative(folder, path.join(entry.parentPath, entry.name));
    digests[relative] = createHash("sha256").update(await readFile(path.join(folder, relative))).digest("hex");
  }
  return Object.fromEntries(Object.entries(digests).sort(([a], [b]) => (a < b ? -1 : 1)));
}

const FIRST_RELEASE_DIGESTS: Record<string, string> = {
  "CHANGELOG.md": "c5e1a5bad10b96d01c89896ab1f25be9ebfdccc132dfd0e8d64de33c01328b8c",
  "README.md": "151d76121f6bb59248b169e0bcaa16938bd9825547adbeae2847d86fc2f1a424",
  "SHA256SUMS": "40978c59e3c83e0715a133d30b0f256c830b1571d0852778515f19fdc5bdb4dc",
  "data/ca/train.jsonl": "ca9e69ee28865180d9d6b0276d308abacc4db03cb2cc495ae06e3f0651fed7fa",
  "data/ca/train.parquet": "f343b1130de40a0bd171551834eb2d0ad232bb579a832899f6b5b6709198c881",
  "data/es/train.jsonl": "298f2fa908a15c2bd5eba4a367c9416a91dd60d2e245f9f0cfc8a65f66de21a2",
  "data/es/train.parquet": "4731b75da246fc1aef1c2e31f151a2e10bb16abddef7c4ec0e48353c4fc74574",
  "data/eu/train.jsonl": "1e665af496b07b38a964a8165ee93a2fce38a972aa00b67ae19597323db980e4",
  "data/eu/train.parquet": "2bdfb4f0934f695d934c6fa2536ba2084e134a7be0b3601bac41b7433e52a390",
  "data/gl/train.jsonl": "fd4451714695698b484376148bd0dd7628fd4baf3489d41fe9dfd14b7d4323b8",
  "data/gl/train.parquet": "98021d9f208bada8170a928242f30a3ace37f8c01d85accf6cb80d60c7cf32ea",
  "manifest.json": "7d7ea1a676bba2e6fddfffe308d7ba7f3c65925ad4b5c26455289ad447078643",
};
const SECOND_RELEASE_DIGESTS: Record<string, string> = {
  "CHANGELOG.md": "2c38ed9d382d8d231980ff91779fc373e6b204294185a15e328824d3366416b4",
  "README.md": "cc9594774c2e4ff6009b90a942f708e40e77b10ec2cf6ba8dc9003279d5ba498",
  "SHA256SUMS": "87d1ac4fddb4794a17b897290cc48a13fae091398d71fc4b7cf731b0d4ce07b0",
  "data/ca/train.jsonl": "306f7da310604f21e4cb08e3f993de3a8f5f1c67d03ce16a3ea767f16edd4ee1",
  "data/ca/train.parquet": "00c3177a69f6fceb375e92653d9f39a64c4cabb6318f7f889cc323b0ba78e28c",
  "data/es/train.jsonl": "fdb90aba0358e4408b2dd61e9a056f6e47b8b0f925b109bb2ac8dccabad1e458",
  "data/es/train.parquet": "f8bafa632aeeac3d2264d7c930a7ea7bb1701e7663f9e53c4010bb4b364db930",
  "data/eu/train.jsonl": "371f7d63fad061f106d69106acec4567cb20efbeddc8d3b7adf1d6ebdff2bcf0",
  "data/eu/train.parquet": "25662eff82edecc4ea2cafc4f1a62a6174a1adc229c60394a7e2ea35783f5ca2",
  "data/gl/train.jsonl": "fd4451714695698b484376148bd0dd7628fd4baf3489d41fe9dfd14b7d4323b8",
  "data/gl/train.parquet": "98021d9f208bada8170a928242f30a3ace37f8c01d85accf6cb80d60c7cf32ea",
  "manifest.json": "632eb29c7d8620f0925d15c49860a7558e950dd56c0c7453429a424f37910b54",
};

test("a fixed dataset builds into the same bytes as it always has, changelog included", async () => {
  client = new pg.Client({ connectionString: ownDatabase.url });
  await client.connect();
  try {
    await insertFixedData();
    const first: ReleaseDescription = {
      id: id("30000001", 1),
      version: "1.0.0",
      license: "CC-BY-4.0",
      notes: "Primera versión: «bytes» fijos.",
      createdAt: new Date("2026-05-01T12:00:00.000Z"),
      datasetName: "escriba byte test",
      previous: null,
    };
    const firstDigests = await build(first);
    await sql(`UPDATE releases SET status = 'published', published_at = $2 WHERE id = $1`, [first.id, "2026-05-02T00:00:00.000Z"]);

    // Between the releases: one item retracted, one re-approved with a new revision, one new item.
    await sql(`UPDATE items SET status = 'retracted', retracted_at = '2026-05-10T00:00:00Z' WHERE id = $1`, [id("10000001", 4)]);
    await insertApproved({ ...ITEMS[0]!, response: `${ITEMS[0]!.response} Al atardecer, el camino es más largo.` }, 2);
    await insertApproved({ n: 9, language: "eu", category: "information_extraction", variety: null, instruction: "Atera testutik hiriburuak.", context: "Gasteiz Arabako hiriburua da, eta Iruñea Nafarroakoa.", response: "Gasteiz, Iruñea.", sourceUrl: null, sourceLicense: null }, 1);
    const second: ReleaseDescription = {
      ...first,
      id: id("30000001", 2),
      version: "1.1.0",
      notes: "Segunda versión.",
      createdAt: new Date("2026-06-01T12:00:00.000Z"),
      previous: { id: first.id, version: first.version },
    };
    const secondDigests = await build(second);

    const record = `Digests now:\nFIRST ${JSON.stringify(firstDigests, null, 2)}\nSECOND ${JSON.stringify(secondDigests, null, 2)}`;
    assert.deepEqual(firstDigests, FIRST_RELEASE_DIGESTS, record);
    assert.deepEqual(secondDigests, SECOND_RELEASE_DIGESTS, record);
  } finally {
    await client.end();
  }
});
