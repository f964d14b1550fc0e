// `escriba import` as an operator runs it, against PostgreSQL: a file mixing good lines with a bad language, a
// missing field, a repeated external id, a DNI and a line cut short gives exact counts, writes nothing of the refused
// lines (and nothing at all with --dry-run), and a second run imports nothing new. Broken files are named by line.
import assert from "node:assert/strict";
import { mkdtemp, open, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { importItems } from "@/lib/imports/import-items";
import { runEscriba } from "@/tests/support/run-escriba";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { uniqueTextTag } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

async function writeImportFile(lines: string[], ending = "\n"): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "escriba-import-"));
  const file = path.join(folder, "items.jsonl");
  await writeFile(file, lines.join("\n") + ending);
  return file;
}

async function world() {
  const campaign = await createTestCampaign({ languages: ["es", "eu", "gl"] });
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const author = await createTestUser("annotator", ["es", "eu", "gl"], "author");
  const reviewer = await createTestUser("reviewer", ["eu"], "reviewer");
  return { campaign, maintainer, author, reviewer };
}

function mixedFile(authorEmail: string, reviewerEmail: string) {
  const run = uniqueTextTag();
  const id = (n: number) => `pilot-${run}-${n}`;
  const line = (fields: Record<string, unknown>) => JSON.stringify({ category: "open_qa", authorEmail, ...fields });
  return {
    ids: [1, 2, 3, 4, 5, 7].map(id),
    lines: [
      line({
        externalId: id(1),
        language: "gl",
        status: "submitted",
        instruction: `Explica por que as mareas cambian ao longo do mes (${run}).`,
        response: "A Lúa e o Sol tiran da auga do mar; cando están aliñados, nas lúas nova e chea, as mareas son máis vivas, e nos cuartos son máis mortas.",
        sourceUrl: "https://example.org/mareas",
        sourceLicense: "cc-by-4.0",
      }),
      line({
        externalId: id(2),
        language: "es",
        status: "draft",
        instruction: `¿Qué se necesita para plantar tomates en un balcón? (${run})`,
        response: "Una maceta honda, tierra con compost, un tutor para sujetar la planta y al menos seis horas de sol directo cada día.",
      }),
      line({
        externalId: id(3),
        language: "eu",
        status: "approved",
        reviewerEmail,
        approvalReason: "Aurreko tresnan bi berrikusleek onartua.",
        instruction: `Zergatik da garrantzitsua ura aurreztea etxean? (${run})`,
        response: "Ur gezaren baliabideak mugatuak direlako, eta etxean gutxiago kontsumitzeak energia eta dirua aurrezten ditu urtero.",
      }),
      line({ externalId: id(4), language: "pt", instruction: "Qual é a capital de Portugal?", response: "A capital de Portugal é Lisboa, junto ao rio Tejo." }),
      line({ externalId: id(5), language: "gl", instruction: `Que é unha corredoira? (${run})` }),
      line({
        externalId: id(1),
        language: "gl",
        instruction: `Outra versión da mesma pregunta sobre as mareas (${run}).`,
        response: "Repetida: o identificador externo xa apareceu neste ficheiro e non se debe importar dúas veces.",
      }),
      line({
        externalId: id(7),
        language: "es",
        instruction: `Escribe un ejemplo de firma de correo electrónico (${run}).`,
        response: "Atentamente, Lucía Ferrer Gil, con DNI 12345678Z, responsable de atención al público del ayuntamiento.",
      }),
      // The file ends in the middle of this line.
      line({ externalId: id(8), language: "es", instruction: "Corta", response: "Este registro se corta" }).slice(0, 60),
    ],
  };
}

test("a mixed file: exact counts, nothing of the refused lines, nothing at all in a dry run, nothing new the second time", async () => {
  const { campaign, maintainer, author, reviewer } = await world();
  const { ids, lines } = mixedFile(author.email, reviewer.email);
  const file = await writeImportFile(lines, "");
  const args = ["import", file, "--campaign", campaign.slug, "--email", maintainer.email];
  const itemsOfCampaign = () => db().item.findMany({ where: { campaignId: campaign.id }, orderBy: { externalId: "asc" } });

  const dryRun = await runEscriba([...args, "--dry-run"]);
  assert.equal(dryRun.code, 2, dryRun.stderr);
  assert.match(dryRun.stdout, /Dry run \(nothing written\): would create 3, updated 0, skipped 1, refused 4 of 8 lines\./);
  assert.deepEqual(await itemsOfCampaign(), [], "a dry run writes nothing");
  assert.match(dryRun.stderr, /^line 4: language: /m);
  assert.match(dryRun.stderr, /^line 5: response: /m);
  assert.match(dryRun.stderr, /^line 7: response: pii_found/m);
  assert.match(dryRun.stderr, /^line 8: \(line\): cut short: the file ends in the middle of this line/m);

  const real = await runEscriba(args);
  assert.equal(real.code, 2, real.stderr);
  assert.match(real.stdout, /^Created 3, updated 0, skipped 1, refused 4 of 8 lines\./m);
  const items = await itemsOfCampaign();
  assert.deepEqual(
    items.map((item) => [item.externalId, item.language, item.status]),
    [
      [ids[0], "gl", "submitted"],
      [ids[1], "es", "draft"],
      [ids[2], "eu", "approved"],
    ],
  );
  const [submitted, draft, approved] = items;
  assert.ok(submitted!.response.startsWith("A Lúa e o Sol"), "the first line's text, not the repeated id's");
  assert.equal(submitted!.authorId, author.id);
  assert.equal(await db().itemRevision.count({ where: { itemId: submitted!.id } }), 1);
  const revision = await db().itemRevision.findFirstOrThrow({ where: { itemId: submitted!.id } });
  assert.deepEqual(
    [revision.number, revision.kind, revision.authorId, revision.guidelineId, revision.category, revision.variety, revision.instruction, revision.context, revision.response, revision.sourceUrl, revision.sourceLicense],
    [1, "submission", submitted!.authorId, submitted!.guidelineId, submitted!.category, submitted!.variety, submitted!.instruction, submitted!.context, submitted!.response, submitted!.sourceUrl, submitted!.sourceLicense],
    "the first revision holds the item's text as imported",
  );
  assert.equal((revision.qualityReport as { blocked?: boolean } | null)?.blocked, false);
  assert.equal(await db().itemRevision.count({ where: { itemId: draft!.id } }), 0, "drafts have no revision yet");
  assert.equal(approved!.approvedRevisionId !== null && approved!.approvedAt !== null, true);
  const approval = await db().auditEvent.findFirstOrThrow({ where: { subjectId: approved!.id, action: "item.import_approved" } });
  assert.equal(approval.actorId, maintainer.id);
  assert.deepEqual(approval.payload, { reviewerId: reviewer.id, reviewerEmail: reviewer.email, reason: "Aurreko tresnan bi berrikusleek onartua.", revision: 1 });
  assert.equal(await db().auditEvent.count({ where: { subjectId: { in: items.map((item) => item.id) }, action: "item.imported" } }), 3);
  assert.equal(await db().item.count({ where: { externalId: { in: [ids[3]!, ids[4]!, ids[5]!] } } }), 0, "nothing of the refused lines");

  const again = await runEscriba(args);
  assert.match(again.stdout, /^Created 0, updated 0, skipped 4, refused 4 of 8 lines\./m);
  assert.equal((await itemsOfCampaign()).length, 3, "a second run imports nothing new");
});

test("--update gives an imported item waiting for review a new revision; approved ones are left alone", async () => {
  const { campaign, maintainer, author, reviewer } = await world();
  const { lines } = mixedFile(author.email, reviewer.email);
  const file = await writeImportFile(lines.slice(0, 3));
  assert.equal((await runEscriba(["import", file, "--campaign", campaign.slug, "--email", maintainer.email])).code, 0);
  const revised = lines.slice(0, 3).map((line) => {
    const fields = JSON.parse(line) as { response: string };
    return JSON.stringify({ ...fields, response: `${fields.response} Engadido na segunda versión.` });
  });
  const result = await runEscriba(["import", await writeImportFile(revised), "--campaign", campaign.slug, "--email", maintainer.email, "--update"]);
  assert.match(result.stdout, /^Created 0, updated 2, skipped 0, refused 1 of 3 lines\./m);
  assert.match(result.stderr, /^line 3: externalId: already imported and now approved/m);
  const submitted = await db().item.findFirstOrThrow({ where: { campaignId: campaign.id, status: "submitted" } });
  assert.match(submitted.response, /segunda versión\.$/);
  assert.equal(await db().itemRevision.count({ where: { itemId: submitted.id } }), 2);
});

test("a file with bytes that are not UTF-8 and a 50 MB line names each line and imports the rest", async () => {
  const { campaign, maintainer, author, reviewer } = await world();
  const { lines } = mixedFile(author.email, reviewer.email);
  const folder = await mkdtemp(path.join(tmpdir(), "escriba-import-"));
  const file = path.join(folder, "broken.jsonl");
  const handle = await open(file, "w");
  await handle.write(Buffer.from(`${lines[0]}\n`));
  await handle.write(Buffer.concat([Buffer.from('{"externalId":"latin1","instruction":"Caf'), Buffer.from([0xe9]), Buffer.from('"}\n')]));
  const chunk = Buffer.alloc(1024 * 1024, "a");
  await handle.write(Buffer.from('{"externalId":"huge","response":"'));
  for (let i = 0; i < 50; i++) await handle.write(chunk);
  await handle.write(Buffer.from('"}\n'));
  await handle.write(Buffer.from(`${lines[1]}\n`));
  await handle.close();

  const result = await runEscriba(["import", file, "--campaign", campaign.slug, "--email", maintainer.email]);
  assert.equal(result.code, 2, result.stderr);
  assert.match(result.stdout, /^Created 2, updated 0, skipped 0, refused 2 of 4 lines\./m);
  assert.match(result.stderr, /^line 2: \(line\): not valid UTF-8$/m);
  assert.match(result.stderr, /^line 3: \(line\): longer than \d+ KiB; skipped to its end$/m);
  assert.equal(await db().item.count({ where: { campaignId: campaign.id } }), 2);
});

test("an import into an unknown campaign, or by someone who is not a maintainer, is refused before reading", async () => {
  const { campaign, maintainer, author } = await world();
  const file = await writeImportFile(["{}"]);
  const unknown = await runEscriba(["import", file, "--campaign", "no-such-campaign", "--email", maintainer.email]);
  assert.equal(unknown.code, 3);
  assert.match(unknown.stderr, /Campaign no-such-campaign not found/);
  const notMaintainer = await runEscriba(["import", file, "--campaign", campaign.slug, "--email", author.email]);
  assert.notEqual(notMaintainer.code, 0);
  assert.match(notMaintainer.stderr, /maintainer/);
});

test("each refused line carries a code, its field and the values its wording takes, so the UI can say it in any language", async () => {
  const { campaign, maintainer, author, reviewer } = await world();
  const { lines } = mixedFile(author.email, reviewer.email);
  const notQualified = JSON.stringify({ ...(JSON.parse(lines[2]!) as object), externalId: `ca-${uniqueTextTag()}`, language: "ca", reviewerEmail: author.email });
  async function* input(): AsyncGenerator<Uint8Array> {
    yield new TextEncoder().encode([...lines, notQualified].join("\n"));
  }
  const summary = await importItems(viewerOf(maintainer), { campaign: campaign.slug, input: input(), dryRun: true });
  assert.deepEqual(
    summary.problems.map(({ line, field, code, params }) => ({ line, field, code, params })),
    [
      { line: 4, field: "language", code: "invalid", params: {} },
      { line: 5, field: "response", code: "missing", params: {} },
      { line: 7, field: "response", code: "pii_found", params: { types: "dni", count: 1 } },
      { line: 8, field: "(line)", code: "not_json", params: {} },
      { line: 9, field: "authorEmail", code: "not_qualified", params: { language: "ca" } },
    ],
  );
  assert.ok(summary.problems.every((problem) => problem.message.length > 0), "the English words stay for the CLI");
});
