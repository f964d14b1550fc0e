// Release helpers for the browser tests: approved items to release, versions no other spec can take, and releases
// created, built (by the app's own background worker) and published through the use cases.
import { createHash, randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import type { ItemView } from "@/lib/items/schemas";
import type { ItemLanguage } from "@/lib/vocabulary";
import { createRelease } from "@/lib/releases/create-release";
import { publishRelease } from "@/lib/releases/publish-release";
import { getRelease } from "@/lib/releases/read-releases";
import type { ReleaseView } from "@/lib/releases/schemas";
import { decideReview } from "@/lib/reviews/decide-review";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { FULL_MARKS, submitItemWithText } from "@/tests/support/seed-approved-items";
import { RELEASE_TEXTS } from "@/tests/support/release-texts";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

let versionsTaken = 0;
/**
 * A version greater than any other spec's: every spec shares the e2e database, a new release must be greater than
 * the latest published one, and versions are unique. The clock orders specs; the counter orders calls in one ms.
 */
export function nextReleaseVersion(): string {
  return `1.${Date.now()}.${++versionsTaken}`;
}

/** Letters and digits only (no digit runs a PII detector could read as a phone number), unique in the run. */
export const uniqueTag = () => `ref${Date.now().toString(36)}${randomBytes(3).toString("hex").replace(/\d/g, "x")}`;

/** Approves exactly this item: claimed from its campaign's queue and approved through the review use cases. */
async function approve(reviewer: TestUser, item: ItemView) {
  const lease = await claimItem(viewerOf(reviewer), item);
  await decideReview(viewerOf(reviewer), item.id, { version: lease.item.version, decision: "approve", scores: FULL_MARKS, comment: "" });
}

export interface ApprovedItem {
  id: string;
  language: ItemLanguage;
  response: string;
}

/**
 * `perLanguage` approved items in each language, written by one annotator and approved by one reviewer. Each text
 * carries a tag unique to the run: the same text submitted twice is refused as an exact duplicate.
 */
export async function seedApprovedItems(languages: ItemLanguage[], perLanguage = 1): Promise<ApprovedItem[]> {
  const campaign = await createTestCampaign({ languages });
  const author = await createTestUser("annotator", languages, "author");
  const reviewer = await createTestUser("reviewer", languages, "reviewer");
  const approved: ApprovedItem[] = [];
  for (const language of languages) {
    for (const text of RELEASE_TEXTS[language].slice(0, perLanguage)) {
      const response = `${text.response} (${uniqueTag()})`;
      const item = await submitItemWithText(author, campaign.id, language, { instruction: text.instruction, response });
      await approve(reviewer, item);
      approved.push({ id: item.id, language, response });
    }
  }
  return approved;
}

/** Waits for the app's worker to finish building `version`, and returns it built. */
export async function waitUntilBuilt(maintainer: TestUser, version: string): Promise<ReleaseView> {
  await expect
    .poll(async () => (await getRelease(viewerOf(maintainer), version)).status, { timeout: 45_000, intervals: [250] })
    .toBe("built");
  return getRelease(viewerOf(maintainer), version);
}

/** A release created as a maintainer would, built by the app's worker, and published. */
export async function publishedTestRelease(options: { license?: "cc-by-4.0" | "cc-by-sa-4.0" | "cc0-1.0"; notes?: string } = {}) {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"], "maintainer");
  const version = nextReleaseVersion();
  await createRelease(viewerOf(maintainer), { version, license: options.license ?? "cc-by-4.0", notes: options.notes ?? "" });
  await waitUntilBuilt(maintainer, version);
  return publishRelease(viewerOf(maintainer), version);
}

export const sha256Hex = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
