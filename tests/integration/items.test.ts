// Writing items against the real database: drafts, versioned saves, submission with quality checks, access.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createDraft } from "@/lib/items/create-draft";
import { deleteDraft } from "@/lib/items/delete-draft";
import { getItem } from "@/lib/items/get-item";
import { listMyItems } from "@/lib/items/list-my-items";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { updateUser } from "@/lib/users/update-user";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { emptyCounters } from "@/lib/provenance/field-counters";

after(disconnectDb);

const GALICIAN_CONTEXT =
  "O Miño é o río máis longo de Galicia. Nace en Pedregal de Irimia, na Serra de Meira, e desemboca no " +
  "océano Atlántico entre A Guarda e Caminha, despois de marcar durante uns setenta quilómetros a fronteira con Portugal.";
/** A valid Galician closed_qa item; `tag` keeps each test's text its own, so tests never duplicate each other. */
function galicianItem(tag: string) {
  return {
    instruction: "Segundo o texto, onde nace o río Miño e onde desemboca?",
    context: GALICIAN_CONTEXT,
    // Ordinary Galician words: a line of place names ("entre A Guarda e Caminha") may be taken for Portuguese.
    response: `O Miño nace na Serra de Meira e desemboca no océano Atlántico, despois de facer de fronteira con Portugal (${tag}).`,
  };
}

let campaign: CampaignView;
before(async () => {
  campaign = await createTestCampaign();
});

const isCode = (code: string) => (error: unknown) => error instanceof AppError && error.code === code;

describe("drafts", () => {
  test("a draft records the campaign and the guideline version it is written under", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "closed_qa" });
    assert.equal(draft.status, "draft");
    assert.equal(draft.campaignId, campaign.id);
    assert.equal(draft.guidelineVersion, 1);
    assert.equal(draft.version, 1);
  });

  test("a language the annotator is not qualified for is forbidden, naming the language", async () => {
    const author = viewerOf(await createTestUser("annotator", ["es"]));
    await assert.rejects(
      createDraft(author, { campaignId: campaign.id, language: "eu", category: "open_qa" }),
      (error) => isCode("forbidden")(error) && (error as AppError).fields[0]?.field === "language",
    );
    const draft = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa" });
    await assert.rejects(updateDraft(author, draft.id, { version: 1, language: "ca" }), isCode("forbidden"));
  });

  test("once a maintainer removes a language, its existing drafts can no longer be saved or submitted", async () => {
    const user = await createTestUser("annotator", ["gl", "es"]);
    const draft = await createDraft(viewerOf(user), { campaignId: campaign.id, language: "gl", category: "closed_qa" });
    const saved = await updateDraft(viewerOf(user), draft.id, { version: draft.version, ...galicianItem("cualificación") });
    const updated = await updateUser(null, user.id, { languages: ["es"] });
    // The viewer of the next request, as the session guard builds it from the user's row.
    const withoutGalician = { ...viewerOf(user), languages: updated.languages };
    const refusedWithLanguage = (error: unknown) => isCode("forbidden")(error) && (error as AppError).fields[0]?.field === "language";
    await assert.rejects(updateDraft(withoutGalician, draft.id, { version: saved.version, response: "Outra resposta." }), refusedWithLanguage);
    await assert.rejects(submitItem(withoutGalician, draft.id, { version: saved.version }), refusedWithLanguage);
    const stored = await db().item.findUniqueOrThrow({ where: { id: draft.id } });
    assert.equal(stored.status, "draft");
    assert.equal(stored.version, saved.version, "nothing was written");
  });

  test("a stale save is a conflict carrying the current text, and nothing is overwritten", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    const fromTabA = await updateDraft(author, draft.id, { version: 1, instruction: "Texto da lapela A" });
    assert.equal(fromTabA.version, 2);
    const conflict = await updateDraft(author, draft.id, { version: 1, instruction: "Texto da lapela B" }).catch((error) => error);
    assert.ok(isCode("conflict")(conflict));
    assert.equal((conflict as AppError).details?.currentVersion, 2);
    assert.equal(((conflict as AppError).details?.current as { instruction: string }).instruction, "Texto da lapela A");
    const stored = await db().item.findUniqueOrThrow({ where: { id: draft.id } });
    assert.equal(stored.instruction, "Texto da lapela A");
    assert.equal(stored.version, 2);
  });

  test("a save answers with the item exactly as a read then shows it, with or without writing counters", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    const plain = await updateDraft(author, draft.id, { version: 1, instruction: "Primeira frase", sourceUrl: "", variety: null });
    assert.deepEqual(plain, await getItem(author, draft.id));
    const counted = await updateDraft(author, draft.id, {
      version: 2,
      category: "open_qa",
      instruction: "Primeira frase, segunda",
      evidence: { instruction: { ...emptyCounters(), typed: 8 } },
    });
    assert.equal(counted.version, 3);
    assert.equal(counted.evidence?.fields.instruction.typed, 8);
    assert.deepEqual(counted, await getItem(author, draft.id));
  });

  test("concurrent saves based on the same version: exactly one wins", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) => updateDraft(author, draft.id, { version: 1, response: `versión ${index}` })),
    );
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
    assert.ok(results.every((result) => result.status === "fulfilled" || isCode("conflict")(result.reason)));
    const stored = await db().item.findUniqueOrThrow({ where: { id: draft.id } });
    assert.equal(stored.version, 2);
  });

  test("another annotator's item does not exist for them", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const other = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    await assert.rejects(getItem(other, draft.id), isCode("not_found"));
    await assert.rejects(updateDraft(other, draft.id, { version: 1, instruction: "x" }), isCode("not_found"));
    await assert.rejects(submitItem(other, draft.id, { version: 1 }), isCode("not_found"));
    await assert.rejects(deleteDraft(other, draft.id, 1), isCode("not_found"));
  });

  test("markup is stored as the text typed, byte for byte", async () => {
    const author = viewerOf(await createTestUser("annotator", ["es"]));
    const markup = `<script>alert("x")</script> **negrita** <img src=x onerror="alert(1)">`;
    const draft = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa", instruction: markup });
    assert.equal((await getItem(author, draft.id)).instruction, markup);
  });

  test("over-long fields are refused by name before anything is written", async () => {
    const author = viewerOf(await createTestUser("annotator", ["es"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa" });
    await assert.rejects(
      updateDraft(author, draft.id, { version: 1, response: "x".repeat(60_001) }),
      (error) => error instanceof z.ZodError && error.issues[0]?.path[0] === "response",
    );
    assert.equal((await getItem(author, draft.id)).version, 1);
  });

  test("drafts can be deleted; submitted items cannot", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "closed_qa", ...galicianItem("proba 1") });
    const submitted = await submitItem(author, draft.id, { version: 1 });
    await assert.rejects(deleteDraft(author, draft.id, submitted.item.version), isCode("conflict"));
    const other = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    await deleteDraft(author, other.id, 1);
    assert.equal(await db().item.count({ where: { id: other.id } }), 0);
  });
});

describe("submission", () => {
  test("a valid Galician closed_qa item is submitted as an immutable revision with its quality report", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "closed_qa", ...galicianItem("proba 2") });
    const { item, quality } = await submitItem(author, draft.id, { version: 1 });
    assert.equal(item.status, "submitted");
    assert.equal(item.reviewRound, 1);
    assert.equal(quality.blocked, false);
    assert.equal(quality.fields.response?.language.language, "gl");
    const revisions = await db().itemRevision.findMany({ where: { itemId: item.id } });
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]?.kind, "submission");
    assert.equal(revisions[0]?.response, draft.response);
    assert.ok(revisions[0]?.qualityReport);
    const audit = await db().auditEvent.findFirst({ where: { subjectId: item.id, action: "item.submitted" } });
    assert.ok(audit);
    await assert.rejects(updateDraft(author, item.id, { version: item.version, response: "cambio" }), isCode("conflict"));
  });

  test("concurrent submissions of one version: exactly one is written, with one revision, one event and one frozen record", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "closed_qa", ...galicianItem("á vez") });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => submitItem(author, draft.id, { version: 1, evidenceNote: "Escrito aquí, sen copiar." })),
    );
    assert.equal(results.filter((result) => result.status === "fulfilled").length, 1);
    assert.ok(results.every((result) => result.status === "fulfilled" || isCode("conflict")(result.reason)));
    // The losers wrote nothing of their own: no second revision, audit event or frozen evidence record.
    assert.equal(await db().itemRevision.count({ where: { itemId: draft.id } }), 1);
    assert.equal(await db().auditEvent.count({ where: { subjectId: draft.id, action: "item.submitted" } }), 1);
    assert.equal(await db().writingEvidence.count({ where: { itemId: draft.id, revisionId: { not: null } } }), 1);
    const stored = await db().item.findUniqueOrThrow({ where: { id: draft.id } });
    assert.equal(stored.version, 2);
    assert.equal(stored.reviewRound, 1);
  });

  test("closed_qa without context is refused naming context, and stays a draft", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, {
      campaignId: campaign.id,
      language: "gl",
      category: "closed_qa",
      instruction: galicianItem("sen contexto").instruction,
      response: galicianItem("sen contexto").response,
    });
    const error = await submitItem(author, draft.id, { version: 1 }).catch((reason) => reason);
    assert.ok(isCode("validation_failed")(error));
    assert.ok((error as AppError).fields.some((field) => field.field === "context" && field.message === "context_required"));
    assert.equal((await getItem(author, draft.id)).status, "draft");
  });

  test("Portuguese written as Galician is blocked until justified", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl"]));
    const draft = await createDraft(author, {
      campaignId: campaign.id,
      language: "gl",
      category: "open_qa",
      instruction: "Quais são os principais rios que atravessam o território de Portugal continental?",
      response: "Os principais rios são o Tejo, o Douro, o Minho, o Mondego e o Guadiana, que nascem quase todos em Espanha.",
    });
    const error = await submitItem(author, draft.id, { version: 1 }).catch((reason) => reason);
    assert.ok(isCode("validation_failed")(error));
    const report = (error as AppError).details?.quality as { problems: { code: string; field: string; params: { detected: string } }[] };
    const mismatch = report.problems.find((problem) => problem.code === "language_mismatch" && problem.field === "response");
    assert.equal(mismatch?.params.detected, "other");
    const justified = await submitItem(author, draft.id, {
      version: 1,
      languageJustification: "Exemplo de contraste co portugués pedido polas directrices.",
    });
    assert.equal(justified.item.status, "submitted");
    assert.equal(justified.item.languageJustification, "Exemplo de contraste co portugués pedido polas directrices.");
  });

  test("a valid DNI blocks until declared fictional", async () => {
    const author = viewerOf(await createTestUser("annotator", ["es"]));
    const draft = await createDraft(author, {
      campaignId: campaign.id,
      language: "es",
      category: "open_qa",
      instruction: "¿Cómo se calcula la letra de control de un DNI español a partir de su número?",
      response: "Se divide el número entre 23 y el resto indica la letra de una tabla; por ejemplo, el DNI 12345678Z es válido.",
    });
    const error = await submitItem(author, draft.id, { version: 1 }).catch((reason) => reason);
    assert.ok((error as AppError).fields.some((field) => field.field === "response" && field.message === "pii_found"));
    const declared = await submitItem(author, draft.id, { version: 1, piiDeclaredFictional: true });
    assert.equal(declared.item.status, "submitted");
  });

  test("an exact duplicate of submitted work blocks; a near duplicate is reported with its id", async () => {
    const first = viewerOf(await createTestUser("annotator", ["gl"]));
    const second = viewerOf(await createTestUser("annotator", ["gl"]));
    // An instruction no other test uses, so the near-duplicate ranking only has this original to find.
    const duplicated = {
      ...galicianItem("duplicado"),
      instruction: "Segundo o texto, en que serra nace o Miño e cantos quilómetros fai de fronteira con Portugal?",
    };
    const original = await createDraft(first, { campaignId: campaign.id, language: "gl", category: "closed_qa", ...duplicated });
    await submitItem(first, original.id, { version: 1 });

    const copy = await createDraft(second, {
      campaignId: campaign.id,
      language: "gl",
      category: "closed_qa",
      ...duplicated,
      instruction: `  ${duplicated.instruction.toUpperCase()}  `,
    });
    const error = await submitItem(second, copy.id, { version: 1 }).catch((reason) => reason);
    assert.ok(isCode("validation_failed")(error));
    const report = (error as AppError).details?.quality as { problems: { code: string; params: { ids: string } }[] };
    assert.ok(report.problems.some((problem) => problem.code === "exact_duplicate" && problem.params.ids.includes(original.id)));

    const near = await createDraft(second, {
      campaignId: campaign.id,
      language: "gl",
      category: "closed_qa",
      ...duplicated,
      instruction: "Segundo o texto, en que serra nace o río Miño e cantos quilómetros fai de fronteira?",
      response: "Nace na Serra de Meira e remata no océano Atlántico, despois de facer de fronteira con Portugal durante uns setenta quilómetros.",
    });
    const accepted = await submitItem(second, near.id, { version: 1 });
    const warning = accepted.quality.problems.find((problem) => problem.code === "near_duplicate" && problem.field === "instruction");
    assert.ok(warning, JSON.stringify(accepted.quality.problems));
    assert.ok(String(warning.params.ids).includes(original.id));
    assert.equal(warning.severity, "warn");
  });
});

describe("my items", () => {
  test("lists only my items, filtered by status, newest first, with a cursor", async () => {
    const author = viewerOf(await createTestUser("annotator", ["gl", "es"]));
    const other = viewerOf(await createTestUser("annotator", ["gl"]));
    await createDraft(other, { campaignId: campaign.id, language: "gl", category: "open_qa" });
    const drafts = [];
    for (let index = 0; index < 3; index++) {
      drafts.push(await createDraft(author, { campaignId: campaign.id, language: "es", category: "open_qa", instruction: `n${index}` }));
    }
    const submitted = await createDraft(author, { campaignId: campaign.id, language: "gl", category: "closed_qa", ...galicianItem("listaxe") });
    await submitItem(author, submitted.id, { version: 1 });

    const firstPage = await listMyItems(author, { limit: 2 });
    assert.equal(firstPage.items.length, 2);
    assert.equal(firstPage.items[0]?.id, submitted.id, "newest change first");
    const secondPage = await listMyItems(author, { limit: 2, cursor: firstPage.nextCursor! });
    assert.equal(secondPage.items.length, 2);
    assert.equal(secondPage.nextCursor, null);
    const all = [...firstPage.items, ...secondPage.items].map((item) => item.id).sort();
    assert.deepEqual(all, [...drafts.map((draft) => draft.id), submitted.id].sort());
    const onlyDrafts = await listMyItems(author, { status: "draft" });
    assert.equal(onlyDrafts.items.length, 3);
    assert.ok(onlyDrafts.items.every((item) => item.status === "draft"));
  });
});
