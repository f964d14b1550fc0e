// An import checks each line against the lines before it in the same file, as if each had been submitted in turn,
// although lines are checked and written in batches, the next checked while the one before is still being written:
// an exact copy of an earlier line is refused, also in the next batch, a near copy is written with its warning, also
// in the next batch, a draft copy is no duplicate, a repeated external id is skipped; and a dry run says exactly what
// the real run then does, although it writes nothing for the later lines to be found by. Two imports of one file at
// once write each line once.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { IMPORT_BATCH_LINES, LINES_PER_TURN, importItems } from "@/lib/imports/import-items";
import type { ImportSummary } from "@/lib/imports/schemas";
import type { QualityReport } from "@/lib/quality/check-item";
import { RELEASE_TEXTS } from "@/tests/support/release-texts";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { uniqueTextTag } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);


async function* fileOf(lines: string[]): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(`${lines.join("\n")}\n`);
}

test("copies of earlier lines of the same file: refused in this batch and the next, a near copy warned, a draft copy left alone, the dry run alike", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = await createTestUser("maintainer", ["es"]);
  const author = await createTestUser("annotator", ["es"], "author");
  const run = uniqueTextTag();
  const id = (n: number) => `batch-${run}-${n}`;
  const [original, other] = RELEASE_TEXTS.es;
  const text = { instruction: `${original!.instruction} (${run})`, response: original!.response };
  const line = (n: number, fields: Record<string, unknown>) =>
    JSON.stringify({ externalId: id(n), language: "es", category: "open_qa", authorEmail: author.email, ...fields });
  const fillers = Array.from({ length: IMPORT_BATCH_LINES }, (_, index) =>
    line(5 + index, { status: "draft", instruction: `${other!.instruction} (${run}, ${index})`, response: other!.response }),
  );
  const lines = [
    line(1, { status: "submitted", ...text }),
    line(2, { status: "submitted", ...text }),
    line(3, { status: "draft", ...text }),
    line(4, { status: "submitted", instruction: text.instruction, response: `${text.response} Ocurre cada año en los bosques caducifolios.` }),
    ...fillers,
    // In the next batch, checked while the first is still being written (or, in a dry run, remembered).
    line(5 + IMPORT_BATCH_LINES, { status: "submitted", ...text }),
    line(6 + IMPORT_BATCH_LINES, { status: "submitted", instruction: text.instruction, response: `${text.response} Se ven sobre todo en otoño.` }),
    line(1, { status: "submitted", instruction: "Otra cosa", response: "Otra respuesta." }),
  ];
  const expected = {
    lines: lines.length,
    created: lines.length - 3,
    updated: 0,
    skipped: 1,
    refused: 2,
    problems: [
      { line: 2, field: "item", code: "exact_duplicate", message: "exact_duplicate" },
      { line: 5 + IMPORT_BATCH_LINES, field: "item", code: "exact_duplicate", message: "exact_duplicate" },
    ],
  };

  const dryRun = await importItems(viewerOf(maintainer), { campaign: campaign.slug, input: fileOf(lines), dryRun: true });
  /** The summary without the duplicates' ids (which item an exact copy matches is not the point here). */
  const withoutParams = (summary: ImportSummary) => ({ ...summary, problems: summary.problems.map(({ params: _params, ...problem }) => problem) });
  assert.deepEqual(withoutParams(dryRun), { dryRun: true, ...expected }, "the dry run foresees the real run");
  assert.equal(await db().item.count({ where: { campaignId: campaign.id } }), 0);

  const real = await importItems(viewerOf(maintainer), { campaign: campaign.slug, input: fileOf(lines) });
  assert.deepEqual(withoutParams(real), { dryRun: false, ...expected });
  const items = await db().item.findMany({ where: { campaignId: campaign.id }, include: { revisions: true } });
  const byExternalId = new Map(items.map((item) => [item.externalId, item]));
  assert.equal(items.length, lines.length - 3);
  assert.equal(byExternalId.has(id(2)), false, "nothing of a refused copy");
  assert.equal(byExternalId.has(id(5 + IMPORT_BATCH_LINES)), false, "nothing of a refused copy in the next batch");
  assert.equal(byExternalId.get(id(3))?.status, "draft", "a draft copy is nobody's work yet");
  const nearCopy = byExternalId.get(id(4))!;
  assert.equal(nearCopy.status, "submitted");
  const report = nearCopy.revisions[0]!.qualityReport as unknown as QualityReport;
  const warning = report.problems.find((problem) => problem.code === "near_duplicate" && problem.field === "instruction");
  assert.ok(warning, "the near copy's report names its near duplicate");
  assert.equal(warning.params?.ids, byExternalId.get(id(1))!.id);
  const nextBatchReport = byExternalId.get(id(6 + IMPORT_BATCH_LINES))!.revisions[0]!.qualityReport as unknown as QualityReport;
  const nextBatchWarning = nextBatchReport.problems.find((problem) => problem.code === "near_duplicate" && problem.field === "instruction");
  assert.ok(nextBatchWarning, "a near copy in the next batch is warned of the earlier batch's text");
  const nextBatchIds = String(nextBatchWarning.params?.ids).split(",");
  assert.ok(nextBatchIds.includes(byExternalId.get(id(1))!.id));
  assert.equal(new Set(nextBatchIds).size, nextBatchIds.length, "each earlier item named once, found in memory or, once written, in the database");
  assert.equal(byExternalId.get(id(1))!.response, text.response, "the repeated external id left the first line's item alone");
  assert.equal(await db().auditEvent.count({ where: { action: "item.imported", subjectId: { in: items.map((item) => item.id) } } }), items.length);
});

test("an import read from memory (an upload) lets the process go on with other work every few lines, not once a batch", async () => {
  // The batch before is written while the next is checked only if PostgreSQL's answers are taken in meanwhile; the
  // same turns of the event loop let a worker or a server answer anything else during a long import.
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = await createTestUser("maintainer", ["es"]);
  const author = await createTestUser("annotator", ["es"], "author");
  const run = uniqueTextTag();
  const [sample] = RELEASE_TEXTS.es;
  const lineCount = 2 * IMPORT_BATCH_LINES + 100;
  let delivered = 0;
  async function* oneLineAtATime(): AsyncGenerator<Uint8Array> {
    for (let n = 1; n <= lineCount; n++) {
      delivered = n;
      yield new TextEncoder().encode(
        `${JSON.stringify({ externalId: `turns-${run}-${n}`, language: "es", category: "open_qa", status: "draft", authorEmail: author.email, instruction: `${sample!.instruction} (${run}, ${n})`, response: sample!.response })}\n`,
      );
    }
  }
  let longestStretch = 0;
  let lastSeen = 0;
  let importing = true;
  const tick = () => {
    longestStretch = Math.max(longestStretch, delivered - lastSeen);
    lastSeen = delivered;
    if (importing) setImmediate(tick);
  };
  setImmediate(tick);
  const summary = await importItems(viewerOf(maintainer), { campaign: campaign.slug, input: oneLineAtATime() }).finally(() => (importing = false));
  assert.equal(summary.created, lineCount);
  assert.ok(longestStretch <= 2 * LINES_PER_TURN, `${longestStretch} lines were read without a turn of the event loop`);
});

test("two imports of one file at once into one campaign write each line once, with its revision and audit event", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = await createTestUser("maintainer", ["es"]);
  const author = await createTestUser("annotator", ["es"], "author");
  const run = uniqueTextTag();
  const samples = RELEASE_TEXTS.es;
  const lineCount = 2 * IMPORT_BATCH_LINES + 50;
  const lines = Array.from({ length: lineCount }, (_, index) => {
    const sample = samples[index % samples.length]!;
    return JSON.stringify({
      externalId: `twice-${run}-${index}`,
      language: "es",
      category: "open_qa",
      status: "submitted",
      authorEmail: author.email,
      instruction: `${sample.instruction} (${run}, ${index})`,
      response: `${sample.response} (${index})`,
    });
  });
  const [first, second] = await Promise.all([
    importItems(viewerOf(maintainer), { campaign: campaign.slug, input: fileOf(lines) }),
    importItems(viewerOf(maintainer), { campaign: campaign.slug, input: fileOf(lines) }),
  ]);
  for (const summary of [first, second]) {
    assert.equal(summary.created + summary.skipped + summary.refused, lineCount, "every line is accounted for");
    // A line the other import wrote first is skipped, or refused as an exact copy when it was written between this
    // import's lookup of external ids and its duplicate check; nothing else.
    assert.deepEqual([...new Set(summary.problems.map((problem) => problem.code))].filter((code) => code !== "exact_duplicate"), []);
  }
  assert.equal(first.created + second.created, lineCount, "each line created by one of the two");
  const items = await db().item.findMany({ where: { campaignId: campaign.id }, select: { id: true, externalId: true, _count: { select: { revisions: true } } } });
  assert.equal(items.length, lineCount);
  assert.equal(new Set(items.map((item) => item.externalId)).size, lineCount);
  assert.ok(items.every((item) => item._count.revisions === 1), "each item has its first revision");
  assert.equal(await db().auditEvent.count({ where: { action: "item.imported", subjectId: { in: items.map((item) => item.id) } } }), lineCount);
});
