// The dataset card's authorship figures, read from the database the way a build reads them: per released item, the
// author's counters frozen at the last submission up to the released revision. A reviewer's edit released keeps the
// author's record; a submission after the release froze does not count; a draft's running counters are no record.
import assert from "node:assert/strict";
import { test } from "node:test";
import { db } from "@/lib/db";
import { createRelease } from "@/lib/releases/create-release";
import { ReleaseBuildConnection } from "@/lib/releases/release-database";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { insertApprovedItems } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { ownDatabaseForThisFile } from "@/tests/support/own-database";
import { viewerOf } from "@/tests/support/viewers";

const ownDatabase = ownDatabaseForThisFile("escriba_release_authorship");

test("the card counts each released item's last frozen record up to the released revision", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const author = await createTestUser("annotator", ["es", "ca", "eu", "gl"]);
  const reviewer = await createTestUser("reviewer", ["es", "ca", "eu", "gl"]);
  const campaign = await createTestCampaign();
  await insertApprovedItems({ count: 6, campaignId: campaign.id, authorId: author.id });
  const [typed, halfPasted, editedByReviewer, resubmitted, runningOnly, none] = await db().item.findMany({
    where: { campaignId: campaign.id },
    orderBy: { instruction: "asc" },
    select: { id: true, approvedRevisionId: true },
  });

  const record = (itemId: string, revisionId: string | null, typedChars: number, insertedChars: number) =>
    db().writingEvidence.create({
      data: {
        itemId, userId: author.id, kind: "writing", revisionId, fields: {}, typedChars, pastedChars: insertedChars, insertedChars,
        reasons: [], flags: [], checkedAt: new Date(),
      },
    });
  const revision = (itemId: string, number: number, kind: "submission" | "reviewer_edit") =>
    db().itemRevision.create({
      data: {
        itemId, number, kind, authorId: kind === "submission" ? author.id : reviewer.id, category: "open_qa",
        instruction: `Revisión ${number}`, response: `Texto de la revisión ${number}.`,
      },
    });

  await record(typed!.id, typed!.approvedRevisionId, 400, 10);
  await record(halfPasted!.id, halfPasted!.approvedRevisionId, 200, 200);
  // The reviewer's edit is what is released; the author's record is the submission's, before it.
  await record(editedByReviewer!.id, editedByReviewer!.approvedRevisionId, 300, 0);
  const edit = await revision(editedByReviewer!.id, 2, "reviewer_edit");
  await db().item.update({ where: { id: editedByReviewer!.id }, data: { approvedRevisionId: edit.id } });
  // Mostly pasted when released; written again by hand after the release froze.
  await record(resubmitted!.id, resubmitted!.approvedRevisionId, 0, 300);
  await record(runningOnly!.id, null, 500, 0);
  assert.ok(none);

  const release = await createRelease(viewerOf(maintainer), { version: "1.0.0", license: "cc-by-4.0" });
  const builder = await ReleaseBuildConnection.open(ownDatabase.url);
  try {
    await builder.freezeItems(release.id);
    const later = await revision(resubmitted!.id, 2, "submission");
    await record(resubmitted!.id, later.id, 300, 0);

    const content = await builder.content(release.id, null);
    assert.deepEqual(await content.authorship(), { withEvidence: 4, mostlyTyped: 2 }, "typed and the reviewer-edited item are mostly typed");
  } finally {
    await builder.close();
  }
});
