// The explorer's counts beside the filters. The total and the facet counts (campaign, language, category, status)
// are exact at any size: with facet filters only they are read from the campaign counters, with any other filter
// from one grouped pass over the items found, and both ways must give the same numbers. Flag counts stop at a cap, so
// a broad filter over a million items costs what ten thousand do: past the cap they say "more than the cap"
// (cap + 1), never a wrong exact number.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { countItems } from "@/lib/explorer/count-items";
import { EXPLORER_COUNT_CAP } from "@/lib/explorer/schemas";
import { createDraft } from "@/lib/items/create-draft";
import { retractItem } from "@/lib/items/retract-item";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { reviewItem, submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const pairs = (entries: { value: string; count: number }[]) => entries.map((entry) => [entry.value, entry.count]);

test("the total and facet counts are exact past the cap, the same from the counters as from the items; flags stop at the cap", async () => {
  const campaign = await createTestCampaign({ languages: ["es", "ca"] });
  const author = await createTestUser("annotator", ["es", "ca"], "author");
  const reviewer = await createTestUser("reviewer", ["es"]);
  const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
  const tag = uniqueTag();
  const submitted = [];
  for (const topic of ["las abejas", "los volcanes", "las bibliotecas", "los faros"]) {
    submitted.push(
      await submitItemWithText(author, campaign.id, "es", {
        instruction: `Cuenta algo curioso sobre ${topic} (${tag}).`,
        response: `Sobre ${topic} hay muchas historias: cada una enseña algo distinto a quien la escucha con atención.`,
      }),
    );
  }
  await createDraft(viewerOf(author), { campaignId: campaign.id, language: "es", category: "open_qa", instruction: `Borrador (${tag})`, response: "Sin terminar." });
  await createDraft(viewerOf(author), { campaignId: campaign.id, language: "ca", category: "open_qa", instruction: `Esborrany (${tag})`, response: "Sense acabar." });
  await reviewItem(reviewer, submitted[0]!, "approve");
  await retractItem(maintainer, submitted[0]!.id, { reason: "Copied from a website." });
  await db().item.updateMany({ where: { id: { in: submitted.slice(1).map((item) => item.id) } }, data: { piiDeclaredFictional: true } });

  // Only facet filters: the counters answer. The tag (a word of every item) sends the same question to the items.
  for (const [how, extra] of [["from the counters", {}], ["from the items", { q: tag }]] as const) {
    const counts = await countItems(maintainer, { campaign: campaign.id, language: "es", ...extra }, { cap: 2 });
    assert.equal(counts.cap, 2);
    assert.equal(counts.total, 5, how);
    assert.deepEqual(pairs(counts.facets.language), [["ca", 1], ["es", 5]], `${how}: exact past the cap, its own filter left out`);
    assert.deepEqual(pairs(counts.facets.status), [["draft", 1], ["retracted", 1], ["submitted", 3]], how);
    assert.deepEqual(pairs(counts.facets.category), [["open_qa", 5]], how);
    // The campaign facet leaves out its own filter (it lists every campaign to switch to), so other tests' campaigns
    // are there too: this one's count is the one to check.
    assert.equal(counts.facets.campaign.find((entry) => entry.value === campaign.id)?.count, 5, how);
    assert.equal(counts.flags.retracted, 1, how);
    assert.equal(counts.flags.piiFictional, 3, `${how}: 3 is past the cap of 2, so "more than 2"`);
    assert.equal(counts.flags.languageJustified, 0, how);

    const reviewersCounts = await countItems(viewerOf(reviewer), { campaign: campaign.id, ...extra });
    assert.equal(reviewersCounts.total, 4, `${how}: a reviewer counts no drafts`);
    assert.deepEqual(pairs(reviewersCounts.facets.language), [["es", 4]], `${how}: nor another language's items`);

    const notRetracted = await countItems(maintainer, { campaign: campaign.id, language: "es", retracted: "no", ...extra });
    assert.equal(notRetracted.total, 4, `${how}: the retracted flag is a status`);
    assert.deepEqual(pairs(notRetracted.facets.status), [["draft", 1], ["submitted", 3]], how);
    assert.equal(notRetracted.flags.retracted, 1, `${how}: a flag's count leaves out the flag filters`);
  }

  const exact = await countItems(maintainer, { campaign: campaign.id, piiFictional: "yes" });
  assert.equal(exact.cap, EXPLORER_COUNT_CAP);
  assert.equal(exact.total, 3);
  assert.equal(exact.flags.piiFictional, 3);
  assert.equal(exact.flags.retracted, 1, "another flag's filter is left out of the retracted count");
  assert.deepEqual(pairs(exact.facets.status), [["submitted", 3]]);

  const upperCase = await countItems(maintainer, { campaign: campaign.id.toUpperCase() });
  assert.equal(upperCase.total, 6, "a campaign id in capitals is the same campaign");
});
