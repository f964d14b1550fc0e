// A search for words pages through its matches in order, whether the page comes from walking the newest items (words
// many items hold) or from the word index (words few hold): every match once, in order, nothing else.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { disconnectDb } from "@/lib/db";
import { searchItems } from "@/lib/explorer/search-items";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("pages of a common word and of a rare one hold every match once, in order", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "author");
  const tag = uniqueTag();
  const ids: string[] = [];
  for (const topic of ["los faros de la costa", "los puertos pesqueros", "las rutas de los barcos", "los mercados de abastos"]) {
    const item = await submitItemWithText(author, campaign.id, "es", {
      instruction: `Describe ${topic} de una ciudad marinera (${tag}).`,
      response: `En una ciudad marinera, ${topic} cuentan la historia de quienes viven del mar y de sus oficios.`,
    });
    ids.push(item.id);
  }
  const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
  const everyPage = async (q: string, sort: "newest" | "oldest") => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof searchItems>> = await searchItems(maintainer, { campaign: campaign.id, q, sort, limit: 1, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  };
  const inOrder = [...(await searchItems(maintainer, { campaign: campaign.id, sort: "oldest" })).items.map((item) => item.id)];
  assert.deepEqual([...inOrder].sort(), [...ids].sort());
  assert.deepEqual(await everyPage("ciudad marinera", "oldest"), inOrder);
  assert.deepEqual(await everyPage("ciudad marinera", "newest"), [...inOrder].reverse());
  assert.deepEqual(await everyPage("pesqueros", "newest"), [ids[1]]);
  assert.deepEqual(await everyPage("barcos faros", "newest"), [], "all words must match");
});
