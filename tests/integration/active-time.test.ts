// Honest active time against the real database: what a heartbeat may add (capped by the wall time since the
// person's previous beat), duplicates, concurrent beats, who may beat for which item, and bad input.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { ZodError } from "zod";
import { recordHeartbeat } from "@/lib/activity/record-heartbeat";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { createDraft } from "@/lib/items/create-draft";
import { updateDraft } from "@/lib/items/update-draft";
import { claimNextItem } from "@/lib/reviews/claim-next-item";
import { decideReview } from "@/lib/reviews/decide-review";
import { returnToQueue } from "@/lib/reviews/return-to-queue";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;
const later = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);
let tagCounter = 0;
const tag = () => `tempo ${++tagCounter} ${Date.now()}`;

async function recordedSeconds(userId: string, kind: "writing" | "reviewing"): Promise<number> {
  const total = await db().activeTime.aggregate({ where: { userId, kind }, _sum: { activeSeconds: true } });
  return total._sum.activeSeconds ?? 0;
}

let campaign: CampaignView;
before(async () => {
  campaign = await createTestCampaign({ languages: ["gl", "es"] });
});

async function annotatorWithDraft() {
  const author = viewerOf(await createTestUser("annotator", ["gl"]));
  const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
  return { author, draft };
}

describe("what one heartbeat may add", () => {
  test("a forged heartbeat claiming hours is capped to the wall time since the previous beat, and to 90 s", async () => {
    const { author, draft } = await annotatorWithDraft();
    const start = new Date();
    const beat = (seconds: number, at: Date) => recordHeartbeat(author, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds }, { now: at });

    assert.equal((await beat(3 * 3600, start)).credited, 60, "a first beat adds at most one interval and some slack");
    assert.equal((await beat(3 * 3600, later(start, 40))).credited, 40, "40 s after the previous beat: 40 s, not three hours");
    assert.equal((await beat(25, later(start, 70))).credited, 25, "an honest claim within the wall time is credited in full");
    assert.equal((await beat(3 * 3600, later(start, 70 + 600))).credited, 90, "after a long pause one beat still adds at most 90 s");
    assert.equal(await recordedSeconds(author.id, "writing"), 60 + 40 + 25 + 90);
  });

  test("a save's activeSeconds (the old way of reporting time) no longer adds anything", async () => {
    const { author, draft } = await annotatorWithDraft();
    await updateDraft(author, draft.id, { version: draft.version, instruction: "Que é o lacón con grelos?", activeSeconds: 600 });
    assert.equal(await recordedSeconds(author.id, "writing"), 0);
  });

  test("a beat sent twice is credited once", async () => {
    const { author, draft } = await annotatorWithDraft();
    const start = new Date();
    await recordHeartbeat(author, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds: 10 }, { now: start });
    const again = { kind: "writing" as const, itemId: draft.id, beatId: randomUUID(), seconds: 30 };
    assert.deepEqual(await recordHeartbeat(author, again, { now: later(start, 30) }), { beatId: again.beatId, credited: 30, duplicate: false });
    assert.deepEqual(await recordHeartbeat(author, again, { now: later(start, 31) }), { beatId: again.beatId, credited: 0, duplicate: true });
    assert.deepEqual(await recordHeartbeat(author, again, { now: later(start, 300) }), { beatId: again.beatId, credited: 0, duplicate: true });
    assert.equal(await recordedSeconds(author.id, "writing"), 40);
    const clock = await db().activityClock.findUniqueOrThrow({ where: { userId_kind: { userId: author.id, kind: "writing" } } });
    assert.equal(clock.lastBeatAt.getTime(), later(start, 30).getTime(), "a duplicate does not move the person's clock");
  });

  test("beats sent at the same moment do not count the same seconds twice", async () => {
    const { author, draft } = await annotatorWithDraft();
    // The very first beats: creating the person's clock row races too.
    const first = await Promise.all(
      Array.from({ length: 6 }, () => recordHeartbeat(author, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds: 50 })),
    );
    assert.equal(first.reduce((sum, result) => sum + result.credited, 0), 50, "one of them takes its 50 s, the others find no wall time left");
    // Later beats, all 30 s after the previous one: 30 s in all, however many arrive together.
    const previous = await db().activityClock.findUniqueOrThrow({ where: { userId_kind: { userId: author.id, kind: "writing" } } });
    const at = later(previous.lastBeatAt, 30);
    const together = await Promise.all(
      Array.from({ length: 6 }, () =>
        recordHeartbeat(author, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds: 30 }, { now: at }),
      ),
    );
    assert.equal(together.reduce((sum, result) => sum + result.credited, 0), 30);
    assert.equal(await recordedSeconds(author.id, "writing"), 80);
  });
});

describe("who may beat for which item", () => {
  test("nobody beats writing time for someone else's draft, and the author only while it is editable", async () => {
    const { author, draft } = await annotatorWithDraft();
    const other = viewerOf(await createTestUser("annotator", ["gl"]));
    const reviewer = viewerOf(await createTestUser("reviewer", ["gl"]));
    const maintainer = viewerOf(await createTestUser("maintainer", ["gl"]));
    for (const stranger of [other, reviewer, maintainer]) {
      await assert.rejects(
        recordHeartbeat(stranger, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds: 30 }),
        isCode("not_found"),
        `${stranger.role} cannot clock writing on another's draft`,
      );
    }
    await assert.rejects(
      recordHeartbeat(author, { kind: "writing", itemId: randomUUID(), beatId: randomUUID(), seconds: 30 }),
      isCode("not_found"),
    );
    const submitter = await createTestUser("annotator", ["gl"], "submitter");
    const submitted = await submitTestItem(submitter, campaign.id, "gl", tag());
    await assert.rejects(
      recordHeartbeat(viewerOf(submitter), { kind: "writing", itemId: submitted.id, beatId: randomUUID(), seconds: 30 }),
      isCode("conflict"),
      "a submitted item is no longer being written",
    );
    for (const stranger of [other, reviewer, maintainer]) assert.equal(await recordedSeconds(stranger.id, "writing"), 0);
    assert.equal(await db().activeTime.count({ where: { itemId: draft.id } }), 0);
    assert.equal(await recordedSeconds(author.id, "writing"), 0);
  });

  test("reviewing time is recorded for the item a reviewer holds the lease of, and for a moment after the decision", async () => {
    const reviewCampaign = await createTestCampaign({ languages: ["es"] });
    const author = await createTestUser("annotator", ["es"]);
    const item = await submitTestItem(author, reviewCampaign.id, "es", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    const beat = (who: typeof reviewer, seconds: number, at?: Date) =>
      recordHeartbeat(who, { kind: "reviewing", itemId: item.id, beatId: randomUUID(), seconds }, at ? { now: at } : {});

    await assert.rejects(beat(reviewer, 20), isCode("conflict"), "no lease yet");
    const lease = await claimNextItem(reviewer, { campaignId: reviewCampaign.id });
    assert.equal(lease?.item.id, item.id);
    const start = new Date();
    assert.equal((await beat(reviewer, 25, start)).credited, 25);
    assert.equal(await recordedSeconds(reviewer.id, "reviewing"), 25);
    assert.equal(await recordedSeconds(reviewer.id, "writing"), 0, "reviewing and writing are kept apart");

    const otherReviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    await assert.rejects(beat(otherReviewer, 20), isCode("conflict"), "another reviewer does not hold the lease");
    await assert.rejects(beat(viewerOf(author), 20), (error) => isCode("forbidden")(error) || isCode("not_found")(error), "the author is not a reviewer");
    const basque = viewerOf(await createTestUser("reviewer", ["eu"]));
    await assert.rejects(beat(basque, 20), isCode("not_found"), "a reviewer of other languages cannot see it");

    await decideReview(reviewer, item.id, {
      version: item.version,
      decision: "approve",
      scores: { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 },
    });
    assert.equal((await beat(reviewer, 20, later(start, 30))).credited, 20, "the screen's last seconds, sent just after the decision");
    await assert.rejects(beat(reviewer, 20, later(start, 30 + 600)), isCode("conflict"), "but not long after it");
    assert.equal(await recordedSeconds(reviewer.id, "reviewing"), 45);
  });

  test("a reviewer who gives the item back stops clocking it", async () => {
    const reviewCampaign = await createTestCampaign({ languages: ["es"] });
    const item = await submitTestItem(await createTestUser("annotator", ["es"]), reviewCampaign.id, "es", tag());
    const reviewer = viewerOf(await createTestUser("reviewer", ["es"]));
    await claimNextItem(reviewer, { campaignId: reviewCampaign.id });
    assert.equal((await recordHeartbeat(reviewer, { kind: "reviewing", itemId: item.id, beatId: randomUUID(), seconds: 15 })).credited, 15);
    await returnToQueue(reviewer, item.id);
    await assert.rejects(
      recordHeartbeat(reviewer, { kind: "reviewing", itemId: item.id, beatId: randomUUID(), seconds: 15 }),
      isCode("conflict"),
    );
    assert.equal(await recordedSeconds(reviewer.id, "reviewing"), 15);
  });
});

describe("bad input", () => {
  test("negative, fractional, huge or non-numeric seconds are refused naming seconds; nothing is written", async () => {
    const { author, draft } = await annotatorWithDraft();
    for (const seconds of [-1, 1.5, 86_401, 1e12, "30", null]) {
      await assert.rejects(
        recordHeartbeat(author, { kind: "writing", itemId: draft.id, beatId: randomUUID(), seconds: seconds as number }),
        (error) => error instanceof ZodError && error.issues.every((issue) => issue.path.join(".") === "seconds"),
        `seconds ${String(seconds)}`,
      );
    }
    await assert.rejects(
      recordHeartbeat(author, { kind: "sleeping" as "writing", itemId: draft.id, beatId: "not-a-uuid", seconds: 5 }),
      (error) => error instanceof ZodError && ["kind", "beatId"].every((field) => error.issues.some((issue) => issue.path[0] === field)),
    );
    assert.equal(await db().activityBeat.count({ where: { userId: author.id } }), 0);
    assert.equal(await recordedSeconds(author.id, "writing"), 0);
  });
});
