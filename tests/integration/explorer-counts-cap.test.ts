// The explorer's counts beside the filters stop at a cap, so that a broad filter over a million items costs what ten
// thousand do: a count past the cap says "more than the cap" (cap + 1), never a wrong exact number; counts within the
// cap and the total that bulk actions confirm stay exact.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { disconnectDb } from "@/lib/db";
import { countItems } from "@/lib/explorer/count-items";
import { EXPLORER_COUNT_CAP } from "@/lib/explorer/schemas";
import { createDraft } from "@/lib/items/create-draft";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("counts past the cap say so; counts within it and the total are exact", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "author");
  const tag = uniqueTag();
  for (const topic of ["las abejas", "los volcanes", "las bibliotecas"]) {
    await submitItemWithText(author, campaign.id, "es", {
      instruction: `Cuenta algo curioso sobre ${topic} (${tag}).`,
      response: `Sobre ${topic} hay muchas historias: cada una enseña algo distinto a quien la escucha con atención.`,
    });
  }
  await createDraft(viewerOf(author), { campaignId: campaign.id, language: "es", category: "open_qa", instruction: `Borrador (${tag})`, response: "Sin terminar." });
  const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));

  const capped = await countItems(maintainer, { campaign: campaign.id }, { cap: 2 });
  assert.equal(capped.cap, 2);
  assert.equal(capped.total, 4, "the total is exact");
  assert.deepEqual(capped.facets.language.map((entry) => [entry.value, entry.count]), [["es", 3]], "more than 2");
  assert.deepEqual(
    capped.facets.status.map((entry) => [entry.value, entry.count]),
    [
      ["draft", 1],
      ["submitted", 3],
    ],
  );
  // The campaign facet leaves out its own filter (it lists every campaign to switch to), so other tests' campaigns
  // are there too: this one's count is the one to check.
  const countOfThisCampaign = (counts: typeof capped) => counts.facets.campaign.find((entry) => entry.value === campaign.id)?.count;
  assert.equal(countOfThisCampaign(capped), 3);
  assert.equal(capped.flags.piiFictional, 0);

  const exact = await countItems(maintainer, { campaign: campaign.id });
  assert.equal(exact.cap, EXPLORER_COUNT_CAP);
  assert.deepEqual(exact.facets.language.map((entry) => [entry.value, entry.count]), [["es", 4]]);
  assert.equal(countOfThisCampaign(exact), 4);
});
