// Test campaigns with guidelines, created through the same use cases maintainers use: created as a draft, a guideline
// published per language, then opened for writing.
import { randomBytes } from "node:crypto";
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemLanguage } from "@/lib/vocabulary";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

export async function createTestCampaign(
  options: { languages?: ItemLanguage[]; approvalsRequired?: 1 | 2 } = {},
): Promise<CampaignView> {
  const maintainer = viewerOf(await createTestUser("maintainer", [...ITEM_LANGUAGES]));
  const languages = options.languages ?? [...ITEM_LANGUAGES];
  const campaign = await createCampaign(maintainer, {
    slug: `test-${randomBytes(4).toString("hex")}`,
    name: "Test campaign",
    languages,
    categories: [...ITEM_CATEGORIES],
    approvalsRequired: options.approvalsRequired ?? 1,
    ratePerApprovedItem: "2.50",
  });
  for (const language of languages) {
    await publishGuideline(maintainer, campaign.id, {
      language,
      body: `# Guidelines (${language})\n\n1. Write naturally.\n2. Answer the instruction fully.`,
    });
  }
  return updateCampaign(maintainer, campaign.id, { status: "active" });
}
