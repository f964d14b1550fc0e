// Exports leave the audit trail a single action does: who took which selection out, in which format, how many rows,
// and whether the download ran to its end.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { exportItems } from "@/lib/explorer/export-items";
import { uniqueTag } from "@/tests/e2e/helpers/releases";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { submitItemWithText } from "@/tests/support/seed-approved-items";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

async function world() {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"], "author");
  const tag = uniqueTag();
  const items = [];
  for (const [n, topic] of ["el pan de centeno", "las mareas vivas", "los molinos de viento"].entries()) {
    items.push(
      await submitItemWithText(author, campaign.id, "es", {
        instruction: `Explica en pocas palabras qué son ${topic} (${tag}, ${n}).`,
        response: `Es una pregunta frecuente: ${topic} tienen una historia larga y muchas explicaciones distintas en cada región.`,
      }),
    );
  }
  return { campaign, items, maintainer: await createTestUser("maintainer", ["es"]) };
}

const exportEvents = (actorId: string) => db().auditEvent.findMany({ where: { actorId, action: "items.exported" }, orderBy: { id: "asc" } });

test("an export read to its end is audited with its actor, selection, format and row count", async () => {
  const { campaign, maintainer } = await world();
  const { exportId, stream } = exportItems(viewerOf(maintainer), { format: "csv", campaign: campaign.id });
  const text = await new Response(stream).text();
  assert.equal(text.trim().split("\n").length, 4, "a header and three rows");
  const events = await exportEvents(maintainer.id);
  assert.equal(events.length, 1);
  assert.equal(events[0]!.subjectType, "item_export");
  assert.equal(events[0]!.subjectId, exportId);
  assert.deepEqual(events[0]!.payload, { format: "csv", selection: { filter: { campaign: campaign.id } }, rows: 3, outcome: "complete" });
});

test("ticked rows are audited by their ids, and a download stopped early says so", async () => {
  const { items, maintainer } = await world();
  const ids = items.map((item) => item.id);
  // One row per batch, so the download is stopped with rows still to come.
  const { stream } = exportItems(viewerOf(maintainer), { format: "jsonl", ids: ids.join(",") }, { batchSize: 1 });
  const reader = stream.getReader();
  assert.equal((await reader.read()).done, false);
  await reader.cancel();
  const events = await exportEvents(maintainer.id);
  assert.equal(events.length, 1);
  const { rows, ...payload } = events[0]!.payload as { rows: number };
  assert.deepEqual(payload, { format: "jsonl", selection: { ids }, outcome: "cancelled" });
  // The row read, and perhaps the next one already fetched: never the third.
  assert.ok(rows >= 1 && rows < 3, `rows ${rows}`);
});
