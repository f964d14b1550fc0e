// The explorer's search against PostgreSQL: accents ignored, each language's stemmer, any text taken as plain words,
// reviewers limited to their languages and to work that is not a draft, and cursor pages that cover a result exactly.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { ZodError } from "zod";
import { disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { countItems } from "@/lib/explorer/count-items";
import { searchItems } from "@/lib/explorer/search-items";
import { createDraft } from "@/lib/items/create-draft";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

async function world() {
  const campaign = await createTestCampaign({ languages: ["es", "ca"] });
  const author = await createTestUser("annotator", ["es", "ca"], "author");
  const tag = uniqueTag();
  const spanish = await submitItemWithText(author, campaign.id, "es", {
    instruction: `Escribe la letra de una canción infantil sobre el otoño (${tag}).`,
    response: "Caen las hojas del castaño, el viento canta en el tejado y los niños recogen castañas camino de la escuela.",
  });
  const catalan = await submitItemWithText(author, campaign.id, "ca", {
    instruction: `Escriu la lletra d'una cançó infantil sobre la tardor (${tag}).`,
    response: "Cauen les fulles del castanyer, el vent canta a la teulada i els infants cullen castanyes camí de l'escola.",
  });
  const draft = await createDraft(viewerOf(author), {
    campaignId: campaign.id,
    language: "es",
    category: "open_qa",
    instruction: `Borrador sobre canciones de cuna (${tag})`,
    response: "Todavía sin terminar.",
  });
  return { campaign, spanish, catalan, draft, maintainer: viewerOf(await createTestUser("maintainer", ["es"])) };
}

test("accents are ignored and each item is stemmed in its own language", async () => {
  const { campaign, spanish, catalan, draft, maintainer } = await world();
  const ids = async (q: string) => (await searchItems(maintainer, { campaign: campaign.id, q })).items.map((item) => item.id).sort();
  assert.deepEqual(await ids("CANCION otoño"), [spanish.id], "no accent, other case");
  assert.deepEqual(await ids("canciones"), [draft.id, spanish.id].sort(), "singular and plural share the Spanish stem");
  assert.deepEqual(await ids("canco"), [catalan.id], "Catalan without its cedilla and accent");
  assert.deepEqual(await ids("castanyes tardor"), [catalan.id], "every word must be there");
});

test("any text is searched as plain words, never an error", async () => {
  const { campaign, maintainer } = await world();
  for (const q of ["'", '"canción', "a & | ! <-> :* (", "canción\u0000otoño", "\ud800", "x".repeat(10_000), "de la el"]) {
    const page = await searchItems(maintainer, { campaign: campaign.id, q });
    assert.ok(Array.isArray(page.items), JSON.stringify(q.slice(0, 20)));
    await countItems(maintainer, { campaign: campaign.id, q });
  }
  const nul = await searchItems(maintainer, { campaign: campaign.id, q: "canción\u0000otoño" });
  assert.equal(nul.items.length, 1, "NUL separates words");
});

test("reviewers see only items of their languages that are not drafts; annotators nothing", async () => {
  const { campaign, catalan } = await world();
  const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
  const page = await searchItems(reviewer, { campaign: campaign.id });
  assert.deepEqual(page.items.map((item) => item.id), [catalan.id]);
  const counts = await countItems(reviewer, { campaign: campaign.id });
  assert.equal(counts.total, 1);
  const annotator = viewerOf(await createTestUser("annotator", ["ca"]));
  await assert.rejects(searchItems(annotator, {}), (error: unknown) => error instanceof AppError && error.code === "forbidden");
});

test("cursor pages cover the result once each, in order; a forged cursor names the field", async () => {
  const { campaign, maintainer } = await world();
  for (const sort of ["newest", "oldest"] as const) {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await searchItems(maintainer, { campaign: campaign.id, sort, limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(seen.length, 3, sort);
    assert.equal(new Set(seen).size, 3, sort);
  }
  await assert.rejects(
    searchItems(maintainer, { cursor: "bm90IGEgY3Vyc29y" }),
    (error: unknown) => error instanceof ZodError && error.issues[0]?.path[0] === "cursor",
  );
});

test("counts per value are given the other filters", async () => {
  const { campaign, maintainer } = await world();
  const counts = await countItems(maintainer, { campaign: campaign.id, language: "ca" });
  assert.equal(counts.total, 1);
  assert.deepEqual(
    counts.facets.language.map((entry) => [entry.value, entry.count]),
    [
      ["es", 2],
      ["ca", 1],
    ].sort(),
  );
  assert.deepEqual(counts.facets.status.map((entry) => [entry.value, entry.count]), [["submitted", 1]]);
});
