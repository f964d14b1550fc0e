// A templated instruction shared by hundreds of items must not hide the one item whose response a new text copies.
// Candidates are capped (MAX_CANDIDATES); with one list for both fields, the first rows the heap gave back were all the
// template's, and the copied response's original, stored after them, was never scored. Each field now has its own
// list: in the lookup of one text, in an import batch's lookup, and among the batch's own earlier texts.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { test } from "node:test";
import { db } from "@/lib/db";
import { duplicateKeysOf } from "@/lib/quality/duplicate-fingerprint";
import { findDuplicateProblems, MAX_CANDIDATES } from "@/lib/quality/find-duplicates";
import { findDuplicateProblemsInBatch, type BatchCandidate } from "@/lib/quality/find-duplicates-in-batch";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";

// Which rows come back first depends on where they sit in the table: a database of this file's own.
ownDatabaseForThisFile("escriba_near_duplicate_crowding");

const TEMPLATE = "Resume en dos frases el texto siguiente, sin añadir opiniones propias ni datos que no aparezcan en él.";
const ORIGINAL_RESPONSE =
  "El ayuntamiento de Lugo abrirá en marzo una biblioteca en el antiguo mercado de abastos, con sala infantil y " +
  "horario de tarde. La obra costará dos millones de euros y la pagarán a medias la Xunta y el propio municipio.";
const COPIED_RESPONSE = ORIGINAL_RESPONSE.replace("dos millones", "tres millones");
// Another text for the batch test: the first test's original is in the database by then, and would be found there.
const BATCH_ORIGINAL_RESPONSE =
  "La cofradía de pescadores de Burela vendió el año pasado un diez por ciento más de merluza que el anterior, " +
  "sobre todo en la lonja de la mañana. El precio medio bajó algo, y los armadores piden más control de la importación.";
const BATCH_COPIED_RESPONSE = BATCH_ORIGINAL_RESPONSE.replace("diez por ciento", "doce por ciento");
const templated = (n: number) => ({
  language: "es" as const,
  instruction: TEMPLATE,
  response: `Respuesta ${n}: un resumen distinto número ${n}, sobre otro texto que habla de ${["ríos", "puertos", "mercados", "montes"][n % 4]} y de su historia ${n}.`,
});
const candidateOf = (text: { language: "es"; instruction: string; response: string }): BatchCandidate => ({
  itemId: randomUUID(),
  ...text,
  ...duplicateKeysOf(text),
});
const responseCopyOf = (problems: QualityProblem[]) => problems.find((problem) => problem.code === "near_duplicate" && problem.field === "response");

test("a copied response is found beside hundreds of items sharing its templated instruction", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "template");
  const sharing = MAX_CANDIDATES + 50;
  // The template's items first, the original last, so a table scan in order meets the original after all of them.
  const stored = [...Array.from({ length: sharing }, (_, n) => candidateOf(templated(n))), candidateOf({ language: "es", instruction: TEMPLATE, response: ORIGINAL_RESPONSE })];
  const original = stored.at(-1)!;
  for (const item of stored) {
    await db().$executeRaw`
      INSERT INTO items (id, campaign_id, author_id, language, category, status, instruction, response, fingerprint,
                         similarity_keys, review_round, submitted_at, created_at, updated_at, version)
      VALUES (${item.itemId}::uuid, ${campaign.id}::uuid, ${author.id}::uuid, 'es', 'summarization', 'submitted',
              ${item.instruction}, ${item.response}, ${item.fingerprint}, ${`{${item.similarityKeys.join(",")}}`}::bigint[], 1, now(), now(), now(), 1)`;
  }
  const copy = candidateOf({ language: "es", instruction: TEMPLATE, response: COPIED_RESPONSE });

  const alone = await db().$transaction((tx) => findDuplicateProblems(tx, copy));
  assert.equal(responseCopyOf(alone)?.params.ids, original.itemId, JSON.stringify(alone));
  assert.ok(alone.some((problem) => problem.code === "near_duplicate" && problem.field === "instruction"), "the template is reported too");

  const [inBatch] = await db().$transaction((tx) => findDuplicateProblemsInBatch(tx, [copy], () => true));
  assert.equal(responseCopyOf(inBatch!)?.params.ids, original.itemId, JSON.stringify(inBatch));
});

test("a copied response is found among a batch's earlier texts beside hundreds sharing its templated instruction", async () => {
  // The original first, so that the template's texts after it are the latest the batch remembers.
  const original = candidateOf({ language: "es", instruction: TEMPLATE, response: BATCH_ORIGINAL_RESPONSE });
  const batch = [original, ...Array.from({ length: MAX_CANDIDATES + 50 }, (_, n) => candidateOf(templated(1000 + n)))];
  const copy = candidateOf({ language: "es", instruction: TEMPLATE, response: BATCH_COPIED_RESPONSE });
  const results = await db().$transaction((tx) => findDuplicateProblemsInBatch(tx, [...batch, copy], () => true));
  assert.equal(responseCopyOf(results.at(-1)!)?.params.ids, original.itemId, JSON.stringify(results.at(-1)));
});
