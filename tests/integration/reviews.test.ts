// Review decisions against the real database: permissions, leases, versions, edits, policy and feedback.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { z } from "zod";
import { setClockForTests } from "@/lib/clock";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { listOpenAdjudications } from "@/lib/reviews/list-open-adjudications";
import { resolveAdjudication } from "@/lib/reviews/resolve-adjudication";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { countReviewQueue } from "@/lib/reviews/count-review-queue";
import { decideReview } from "@/lib/reviews/decide-review";
import { getItemHistory } from "@/lib/reviews/get-item-history";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import { presentForReview } from "@/lib/reviews/present-for-review";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const SCORES = { instruction: 4, correctness: 5, fluency: 4, safety: 5, guidelines: 4 };
const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;
let tagCounter = 0;
const tag = () => `revisión ${++tagCounter} ${Date.now()}`;

/** Claims `itemId` through the queue of its campaign (see claimItem). */
async function claimSpecific(reviewer: ReturnType<typeof viewerOf>, itemId: string) {
  return claimItem(reviewer, await db().item.findUniqueOrThrow({ where: { id: itemId }, select: { id: true, campaignId: true, language: true } }));
}

describe("who may decide", () => {
  test("reviewing one's own item is forbidden, and it is never handed to its author", async () => {
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const reviewer = await createTestUser("reviewer", ["ca"]);
    const own = await submitTestItem(reviewer, campaign.id, "ca", tag());
    assert.equal(await claimNextItem(viewerOf(reviewer), { campaignId: campaign.id }), null, "its only item is the reviewer's own");
    await db().reviewLease.create({ data: { itemId: own.id, reviewerId: reviewer.id, expiresAt: new Date(Date.now() + 60_000) } });
    await assert.rejects(decideReview(viewerOf(reviewer), own.id, { version: own.version, decision: "approve", scores: SCORES }), isCode("forbidden"));
  });

  test("a reviewer can keep to one campaign: its items only, counted and claimed, even when another's are older", async () => {
    const older = await createTestCampaign({ languages: ["gl"] });
    const chosen = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const olderItem = await submitTestItem(author, older.id, "gl", tag());
    const chosenItem = await submitTestItem(author, chosen.id, "gl", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    assert.deepEqual(await countReviewQueue(reviewer, { campaignId: chosen.id }), [{ language: "gl", waiting: 1 }]);
    const lease = await claimNextItem(reviewer, { campaignId: chosen.id });
    assert.equal(lease?.item.id, chosenItem.id);
    assert.equal(await claimNextItem(reviewer, { campaignId: chosen.id }).then((again) => again?.item.id), chosenItem.id, "the lease held");
    assert.equal(await claimNextItem(reviewer, { campaignId: older.id }).then((other) => other?.item.id), olderItem.id);
  });

  test("a language the reviewer is not qualified for is forbidden", async () => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const item = await submitTestItem(author, campaign.id, "gl", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    await assert.rejects(claimNextItem(reviewer, { language: "gl" }), isCode("forbidden"));
    await assert.rejects(decideReview(reviewer, item.id, { version: item.version, decision: "approve", scores: SCORES }), isCode("forbidden"));
  });

  test("deciding without a valid lease, or on a stale version, is a conflict and changes nothing", async () => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const item = await submitTestItem(author, campaign.id, "gl", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    await assert.rejects(decideReview(reviewer, item.id, { version: item.version, decision: "approve", scores: SCORES }), isCode("conflict"));
    const lease = await claimSpecific(reviewer, item.id);
    await assert.rejects(
      decideReview(reviewer, item.id, { version: lease.item.version - 1, decision: "approve", scores: SCORES }),
      isCode("conflict"),
    );
    await returnToQueue(reviewer, item.id);
    await assert.rejects(decideReview(reviewer, item.id, { version: lease.item.version, decision: "approve", scores: SCORES }), isCode("conflict"));
    assert.equal(await db().review.count({ where: { itemId: item.id } }), 0);
    assert.equal((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status, "submitted");
  });

  test("a lease runs out on the clock: its holder can no longer decide, and the item goes to the next reviewer", async () => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const item = await submitTestItem(author, campaign.id, "gl", tag());
    const holder = viewerOf(await createTestUser("reviewer", ["gl"]));
    const next = viewerOf(await createTestUser("reviewer", ["gl"]));
    const lease = await claimSpecific(holder, item.id);
    assert.equal(await claimNextItem(next, { campaignId: campaign.id }), null, "a live lease is not handed out twice");
    setClockForTests(new Date(Date.parse(lease.leaseExpiresAt) + 1000));
    try {
      await assert.rejects(decideReview(holder, item.id, { version: lease.item.version, decision: "approve", scores: SCORES }), isCode("conflict"));
      const taken = await claimNextItem(next, { campaignId: campaign.id });
      assert.equal(taken?.item.id, item.id);
      assert.equal(Date.parse(taken!.leaseExpiresAt), Date.parse(lease.leaseExpiresAt) + 1000 + env().ESCRIBA_REVIEW_LEASE_MINUTES * 60_000);
    } finally {
      setClockForTests(null);
    }
    assert.equal(await db().review.count({ where: { itemId: item.id } }), 0);
  });

  test("bad scores are refused naming the field; a rejection needs a comment", async () => {
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    const item = "6f1c1c7e-0000-4000-8000-000000000001";
    await assert.rejects(
      decideReview(reviewer, item, { version: 1, decision: "approve", scores: { ...SCORES, fluency: 7 } }),
      (error) => error instanceof z.ZodError && error.issues.some((issue) => issue.path.join(".") === "scores.fluency"),
    );
    await assert.rejects(
      decideReview(reviewer, item, { version: 1, decision: "reject", scores: SCORES }),
      (error) => error instanceof z.ZodError && error.issues.some((issue) => issue.path.join(".") === "comment"),
    );
  });
});

describe("decisions", () => {
  test("a reviewer's edit becomes a revision credited to them; the author sees it, revises and resubmits", async () => {
    const campaign = await createTestCampaign({ languages: ["gl"] });
    const author = await createTestUser("annotator", ["gl"]);
    const item = await submitTestItem(author, campaign.id, "gl", tag());
    const reviewer = await createTestUser("reviewer", ["gl"]);
    const lease = await claimSpecific(viewerOf(reviewer), item.id);
    const editedResponse = `${lease.item.response} Corrixido pola revisora.`;
    const decided = await decideReview(viewerOf(reviewer), item.id, {
      version: lease.item.version,
      decision: "request_changes",
      scores: { ...SCORES, correctness: 2 },
      comment: "Falta explicar a dispersión de Rayleigh.",
      citedClauses: ["2"],
      edits: { response: editedResponse },
    });
    assert.equal(decided.item.status, "changes_requested");
    assert.equal(decided.item.response, editedResponse);

    const history = await getItemHistory(viewerOf(author), item.id);
    assert.deepEqual(history.revisions.map((revision) => [revision.number, revision.kind, revision.authorId]), [
      [1, "submission", author.id],
      [2, "reviewer_edit", reviewer.id],
    ]);
    assert.equal(history.reviews[0]?.comment, "Falta explicar a dispersión de Rayleigh.");
    assert.deepEqual(history.reviews[0]?.citedClauses, ["2"]);
    assert.equal(history.item.latestFeedback?.decision, "request_changes");

    const revised = await updateDraft(viewerOf(author), item.id, {
      version: decided.item.version,
      response: `${editedResponse} A luz azul ten menor lonxitude de onda.`,
    });
    const resubmitted = await submitItem(viewerOf(author), item.id, { version: revised.version });
    assert.equal(resubmitted.item.status, "submitted");
    assert.equal(resubmitted.item.reviewRound, 2);
    // Back in the queue, also for the reviewer who sent it back (a new round).
    const again = await claimSpecific(viewerOf(reviewer), item.id);
    assert.equal(again.item.reviewRound, 2);
    // The claim answers with the same view the review screen presents: the first round's feedback, this round's text.
    assert.deepEqual(again.item, await presentForReview(item.id, 2));
    assert.equal(again.item.latestFeedback?.comment, "Falta explicar a dispersión de Rayleigh.");
    const audit = await db().auditEvent.findMany({ where: { subjectId: item.id }, orderBy: { id: "asc" }, select: { action: true } });
    assert.deepEqual(audit.map((event) => event.action), ["item.created", "item.submitted", "review.request_changes", "item.resubmitted"]);
  });

  test("a reviewer's edit is checked like a submission: personal data it adds blocks the decision until declared fictional", async () => {
    const campaign = await createTestCampaign({ languages: ["es"] });
    const author = await createTestUser("annotator", ["es"]);
    const item = await submitTestItem(author, campaign.id, "es", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    const lease = await claimSpecific(reviewer, item.id);
    const withDni = `${lease.item.response} Para más información, el DNI del autor es 12345678Z.`;
    const decision = { version: lease.item.version, decision: "approve" as const, scores: SCORES, edits: { response: withDni } };
    await assert.rejects(decideReview(reviewer, item.id, decision), (error: unknown) => {
      assert.ok(error instanceof AppError && error.code === "validation_failed");
      assert.deepEqual(error.fields, [{ field: "edits.response", message: "pii_found" }]);
      assert.equal((error.details?.quality as { blocked: boolean }).blocked, true, "the whole report comes with it");
      return true;
    });
    const untouched = await db().item.findUniqueOrThrow({ where: { id: item.id }, include: { revisions: true, reviews: true } });
    assert.equal(untouched.status, "submitted");
    assert.equal(untouched.response, lease.item.response);
    assert.equal(untouched.revisions.length, 1, "no revision was written");
    assert.equal(untouched.reviews.length, 0, "no review was written");

    const decided = await decideReview(reviewer, item.id, { ...decision, piiDeclaredFictional: true });
    assert.equal(decided.item.status, "approved");
    const history = await getItemHistory(reviewer, item.id);
    const edit = history.revisions.find((revision) => revision.kind === "reviewer_edit");
    assert.ok(edit?.qualityReport, "the approved revision carries its quality report");
    assert.equal(edit.qualityReport.blocked, false);
    assert.ok(edit.qualityReport.problems.some((problem) => problem.code === "pii_found" && problem.overridden));
  });

  test("a reviewer's edit that copies another item exactly is refused as a duplicate", async () => {
    const campaign = await createTestCampaign({ languages: ["ca"] });
    const author = await createTestUser("annotator", ["ca"]);
    const original = await submitTestItem(author, campaign.id, "ca", tag());
    const other = await submitTestItem(author, campaign.id, "ca", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["ca"]));
    const lease = await claimSpecific(reviewer, original.id);
    await assert.rejects(
      decideReview(reviewer, original.id, {
        version: lease.item.version,
        decision: "approve",
        scores: SCORES,
        edits: { instruction: other.instruction, response: other.response },
      }),
      (error: unknown) => isCode("validation_failed")(error) && (error as AppError).fields.some((field) => field.field.startsWith("edits.")),
    );
  });

  test("with two approvals required, the item is approved only after two different reviewers approve", async () => {
    const campaign = await createTestCampaign({ languages: ["es"], approvalsRequired: 2 });
    const author = await createTestUser("annotator", ["es"]);
    const item = await submitTestItem(author, campaign.id, "es", tag());
    const first = viewerOf(await createTestUser("reviewer", ["es"]));
    const second = viewerOf(await createTestUser("reviewer", ["es"]));
    const lease = await claimSpecific(first, item.id);
    const afterFirst = await decideReview(first, item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
    assert.equal(afterFirst.item.status, "submitted");
    assert.deepEqual(afterFirst.approvals, { count: 1, required: 2 }, "what the reviewer is told");
    // The first reviewer is not offered it again in this round.
    assert.equal(await claimNextItem(first, { campaignId: campaign.id }), null);
    const secondLease = await claimSpecific(second, item.id);
    const afterSecond = await decideReview(second, item.id, { version: secondLease.item.version, decision: "approve", scores: SCORES });
    assert.equal(afterSecond.item.status, "approved");
    assert.deepEqual(afterSecond.approvals, { count: 2, required: 2 });
    const stored = await db().item.findUniqueOrThrow({ where: { id: item.id } });
    assert.ok(stored.approvedRevisionId && stored.approvedAt);
  });

  test("a maintainer cannot settle a dispute over an item they wrote; another maintainer can", async () => {
    const campaign = await createTestCampaign({ languages: ["es"], approvalsRequired: 2 });
    const writer = await createTestUser("maintainer", ["es"]);
    const item = await submitTestItem(writer, campaign.id, "es", tag());
    const approving = viewerOf(await createTestUser("reviewer", ["es"]));
    const rejecting = viewerOf(await createTestUser("reviewer", ["es"]));
    const lease = await claimSpecific(approving, item.id);
    await decideReview(approving, item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
    const secondLease = await claimSpecific(rejecting, item.id);
    await decideReview(rejecting, item.id, { version: secondLease.item.version, decision: "reject", scores: SCORES, comment: "No responde a la pregunta." });
    const entry = (await listOpenAdjudications(viewerOf(writer))).find((adjudication) => adjudication.item.id === item.id);
    assert.ok(entry);
    assert.equal(entry.ownItem, true, "the queue tells the writer why they cannot decide");
    await assert.rejects(resolveAdjudication(viewerOf(writer), entry.id, { decision: "approve" }), isCode("forbidden"));
    assert.equal((await db().item.findUniqueOrThrow({ where: { id: item.id } })).status, "submitted", "nothing changed");
    const other = viewerOf(await createTestUser("maintainer", ["es"]));
    assert.equal((await listOpenAdjudications(other)).find((adjudication) => adjudication.id === entry.id)?.ownItem, false);
    assert.equal((await resolveAdjudication(other, entry.id, { decision: "approve" })).status, "approved");
  });

  test("approve then reject is a disagreement a maintainer settles", async () => {
    const campaign = await createTestCampaign({ languages: ["es"], approvalsRequired: 2 });
    const author = await createTestUser("annotator", ["es"]);
    const item = await submitTestItem(author, campaign.id, "es", tag());
    const approving = viewerOf(await createTestUser("reviewer", ["es"]));
    const rejecting = viewerOf(await createTestUser("reviewer", ["es"]));
    const lease = await claimSpecific(approving, item.id);
    await decideReview(approving, item.id, { version: lease.item.version, decision: "approve", scores: SCORES });
    const secondLease = await claimSpecific(rejecting, item.id);
    const disputed = await decideReview(rejecting, item.id, {
      version: secondLease.item.version,
      decision: "reject",
      scores: { ...SCORES, correctness: 1 },
      comment: "La explicación es incorrecta.",
    });
    assert.equal(disputed.adjudication, true);
    assert.deepEqual(disputed.approvals, { count: 1, required: 2 }, "a rejection adds no approval");
    assert.equal(disputed.item.status, "submitted");
    const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
    const open = await listOpenAdjudications(maintainer);
    const entry = open.find((adjudication) => adjudication.item.id === item.id);
    assert.ok(entry, "listed for maintainers");
    // Out of the review queue while disputed.
    const third = viewerOf(await createTestUser("reviewer", ["es"]));
    assert.equal(await claimNextItem(third, { campaignId: campaign.id }), null);
    await assert.rejects(resolveAdjudication(rejecting, entry.id, { decision: "approve" }), isCode("forbidden"));
    const resolved = await resolveAdjudication(maintainer, entry.id, { decision: "approve", comment: "Correcta." });
    assert.equal(resolved.status, "approved");
    await assert.rejects(resolveAdjudication(maintainer, entry.id, { decision: "reject" }), isCode("conflict"));
  });
});
