// Authorship evidence against the real database: saves record the counters and never fail over them, implausible
// records stay implausible, submissions freeze them with the campaign's flags and the note, and maintainers' report
// counts them per annotator (others may not read it).
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createDraft } from "@/lib/items/create-draft";
import { getItem } from "@/lib/items/get-item";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { programmeCalendar } from "@/lib/productivity/programme-calendar";
import { emptyCounters } from "@/lib/provenance/field-counters";
import { provenanceReport, listFlaggedSubmissions } from "@/lib/provenance/provenance-report";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

const text = (tag: string) => ({
  instruction: `Explica por que conviene regar las plantas a primera hora de la manana (${tag}).`,
  response: "Por la manana hace menos calor, el agua se evapora menos y las raices tienen tiempo de absorberla antes del sol fuerte.",
});
// The report reads days in the programme's time zone, so "today" is the date there, not in UTC (they differ for an
// hour or two around midnight).
const today = () => programmeCalendar().today;

test("a save records the counters; impossible ones are kept as implausible and stay so after honest saves", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = viewerOf(await createTestUser("annotator", ["es"]));
  const draft = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa" });
  const { instruction } = text("a");
  const first = await updateDraft(author, draft.id, { version: draft.version, instruction, evidence: { instruction: { ...emptyCounters(), typed: instruction.length } } });
  assert.equal(first.evidence?.implausible, false);
  assert.equal(first.evidence?.totals.typed, instruction.length);
  // Fewer typed characters than last time: counters never go down.
  const second = await updateDraft(author, draft.id, { version: first.version, instruction: `${instruction}!`, evidence: { instruction: { ...emptyCounters(), typed: 3, other: 1 } } });
  assert.equal(second.instruction, `${instruction}!`, "the text is saved all the same");
  assert.equal(second.evidence?.implausible, true);
  assert.ok(second.evidence?.reasons.includes("decreased:instruction.typed"), second.evidence?.reasons.join(", "));
  const third = await updateDraft(author, draft.id, {
    version: second.version,
    instruction: `${instruction}!!`,
    evidence: { instruction: { ...emptyCounters(), typed: instruction.length + 2 } },
  });
  assert.equal(third.evidence?.implausible, true, "a later honest save does not launder the record");
  assert.equal((await getItem(author, draft.id)).evidence?.totals.typed, instruction.length + 2);
  assert.equal(await db().writingEvidence.count({ where: { itemId: draft.id } }), 1, "one running record per draft");
});

test("submission freezes the counters with the campaign's flags and the note; text without counters keeps just a note", async () => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const maintainer = viewerOf(await createTestUser("maintainer", ["es"]));
  await updateCampaign(maintainer, campaign.id, { evidenceThresholds: { pastedPercent: 10, insertedPercent: 30, charsPerMinute: 900, awayInsertions: 1 } });
  const author = viewerOf(await createTestUser("annotator", ["es"]));
  const { instruction, response } = text("b");
  const draft = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa" });
  // Two saves, as the editor makes them: each may add only so much typing to the time since the one before.
  const instructionTyped = { ...emptyCounters(), typed: instruction.length };
  const first = await updateDraft(author, draft.id, { version: draft.version, instruction, evidence: { instruction: instructionTyped } });
  const typedMostly = await updateDraft(author, draft.id, {
    version: first.version,
    response,
    evidence: { instruction: instructionTyped, response: { ...emptyCounters(), typed: response.length - 30, pasted: 30, pasteSizes: [30] } },
  });
  assert.equal(typedMostly.evidence?.implausible, false, typedMostly.evidence?.reasons.join(", "));
  const submitted = await submitItem(author, draft.id, { version: typedMostly.version, evidenceNote: "  Una frase de mis notas.  " });
  const frozen = await db().writingEvidence.findFirstOrThrow({ where: { itemId: draft.id, revisionId: { not: null } } });
  assert.deepEqual(frozen.flags, ["mostly_pasted"], "30 of about 200 characters is over this campaign's 10 %");
  assert.equal(frozen.note, "Una frase de mis notas.");
  assert.equal(submitted.item.status, "submitted");

  const other = text("c");
  const bare = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa", ...other });
  await submitItem(author, bare.id, { version: bare.version, evidenceNote: "Escrito en la API." });
  const noteOnly = await db().writingEvidence.findFirstOrThrow({ where: { itemId: bare.id } });
  assert.deepEqual([noteOnly.flags, noteOnly.typedChars, noteOnly.note], [[], 0, "Escrito en la API."]);

  const report = await provenanceReport(maintainer, { from: today(), to: today(), campaignId: campaign.id });
  assert.deepEqual(
    report.rows.map(({ submissions, flagged, implausible }) => ({ submissions, flagged, implausible })),
    [{ submissions: 2, flagged: 1, implausible: 0 }],
  );
  const flagged = await listFlaggedSubmissions(maintainer, { from: today(), to: today(), campaignId: campaign.id, flag: "mostly_pasted" });
  assert.deepEqual(flagged.map((row) => row.itemId), [draft.id]);
  await assert.rejects(provenanceReport(author, { from: today(), to: today() }), (error: unknown) => error instanceof AppError && error.code === "forbidden");
});
