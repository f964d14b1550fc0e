// What the editor opens a draft with: its campaign's own categories, also once the campaign is closed (its draft is
// still its author's to finish), and nothing for anyone but the author.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { getEditorContext } from "@/lib/items/get-editor-context";
import { toAppError } from "@/lib/http/error-response";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("the editor offers the draft's campaign's categories, also after the campaign closed; others get not found", async () => {
  const maintainer = viewerOf(await createTestUser("maintainer", ["gl"]));
  const offered = ["open_qa", "brainstorming"] as const;
  const campaign = await createCampaign(maintainer, {
    slug: `editor-${randomBytes(4).toString("hex")}`,
    name: "Two categories",
    languages: ["gl"],
    categories: [...offered],
    approvalsRequired: 1,
    ratePerApprovedItem: "1.00",
  });
  await publishGuideline(maintainer, campaign.id, { language: "gl", body: "# Guía\n\nEscribe con naturalidade." });
  await updateCampaign(maintainer, campaign.id, { status: "active" });
  const author = viewerOf(await createTestUser("annotator", ["gl"]));
  const item = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa", instruction: "Que é o polbo á feira?" });

  const open = await getEditorContext(author, item.id);
  assert.deepEqual([...open.categories].sort(), [...offered].sort());
  assert.equal(open.item.id, item.id);
  assert.equal(open.guideline?.language, "gl");

  await updateCampaign(maintainer, campaign.id, { status: "closed" });
  const closed = await getEditorContext(author, item.id);
  assert.deepEqual([...closed.categories].sort(), [...offered].sort(), "a closed campaign's draft keeps its campaign's categories");

  const someoneElse = viewerOf(await createTestUser("annotator", ["gl"]));
  await assert.rejects(getEditorContext(someoneElse, item.id), (error) => toAppError(error)?.code === "not_found");
});
