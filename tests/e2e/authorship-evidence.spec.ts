// Authorship evidence in Chromium: text typed key by key counts as typed; a clipboard paste and a drop count as
// inserted with their sizes; a 1,000-character paste after 15 s away raises the flag at submission; the reviewer sees
// the evidence, its flags and the author's note; a forged save with impossible counters is stored as implausible and
// shown so; a reviewer's edit records counters of its own.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { db, disconnectDb } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { updateDraft } from "@/lib/items/update-draft";
import { emptyCounters } from "@/lib/provenance/field-counters";
import { claimItem } from "@/tests/support/claim-item";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { sameOriginJsonHeaders, signIn } from "@/tests/e2e/helpers/session";
import { scoreByClicking, signedInPage } from "@/tests/e2e/helpers/review";

test.use({ locale: "en-US" });
test.afterAll(disconnectDb);

// Typed with page.keyboard.type, so plain ASCII: Playwright sends characters off the US layout without key events.
const INSTRUCTION = "Explica como se prepara una tortilla de patatas sencilla en casa";
const TYPED = "Primero se pelan las patatas y se cortan en laminas finas. ";
const PASTED = "Despues se frien a fuego medio hasta que esten tiernas.";
const DROPPED = " Se mezclan con el huevo batido.";
/** About a thousand characters of Spanish, pasted at once after the writer was away. */
const LONG_PASTE = [
  "Se calienta un buen chorro de aceite de oliva en una sartén amplia y se añaden las patatas con una pizca de sal.",
  "Conviene removerlas de vez en cuando para que se hagan por igual y no se doren demasiado por fuera.",
  "Cuando están blandas se escurren bien y se dejan templar unos minutos en un cuenco grande.",
  "Mientras tanto se baten seis huevos con un poco de sal hasta que la mezcla quede espumosa.",
  "Se juntan las patatas con el huevo y se deja reposar todo un cuarto de hora para que se empapen.",
  "En la misma sartén, con muy poco aceite, se vierte la mezcla y se cuaja a fuego suave.",
  "Para darle la vuelta se usa un plato algo mayor que la sartén, con un gesto rápido y seguro.",
  "Se devuelve a la sartén por el otro lado y se deja un par de minutos más, según guste más o menos jugosa.",
  "Se sirve templada o fría, cortada en triángulos, y aguanta bien de un día para otro en la nevera.",
  "Hay quien le añade cebolla pochada, lo que la hace más dulce y suave; es cuestión de gustos en cada casa.",
].join(" ");

async function openEditor(page: Page, itemId: string) {
  await page.goto(`/work/items/${itemId}`);
  await expect(page.getByLabel("Instruction")).toBeEditable();
}

/** A real paste: the text goes through the system clipboard and Ctrl+V. */
async function pasteFromClipboard(page: Page, text: string) {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await page.keyboard.press("Control+V");
}

/** A real drop from outside the page: Chromium's own drag events (DevTools protocol) carrying a text/plain item. */
async function dropText(page: Page, selector: string, text: string) {
  const box = (await page.locator(selector).boundingBox())!;
  const session = await page.context().newCDPSession(page);
  const at = { x: box.x + box.width / 2, y: box.y + box.height - 8 };
  const data = { items: [{ mimeType: "text/plain", data: text }], dragOperationsMask: 1 };
  for (const type of ["dragEnter", "dragOver", "drop"] as const) await session.send("Input.dispatchDragEvent", { type, ...at, data });
  await session.detach();
}

async function savedEvidence(itemId: string, kind: "writing" | "reviewing", frozen: boolean) {
  return db().writingEvidence.findFirstOrThrow({
    where: { itemId, kind, revisionId: frozen ? { not: null } : null },
    orderBy: { createdAt: "desc" },
  });
}
/**
 * Elements of `selector` that reach past the right edge of the window (the counters table may scroll inside its own
 * box, so what is inside that box does not count). The header's navigation is not ours to judge here.
 */
function pastTheEdge(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const inside = [...document.querySelectorAll(root)].flatMap((element) => [element, ...element.querySelectorAll("*")]);
    return inside
      .filter((element) => !element.parentElement?.closest(".evidence-scroll"))
      .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 1)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
  }, selector);
}
type StoredFields = Record<"instruction" | "context" | "response", ReturnType<typeof emptyCounters>>;

test("typed, pasted and dropped text is counted as such; a long paste after 15 s away is flagged at submission", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const campaign = await createTestCampaign({ languages: ["es"] });
  const annotator = await createTestUser("annotator", ["es"]);
  const draft = await createDraft(viewerOf(annotator), { campaignId: campaign.id, language: "es", category: "open_qa" });
  // The page's clock, so that the time away is the browser's 15 seconds without waiting for them.
  await page.clock.install();
  await signIn(page, annotator, /\/work$/);
  await openEditor(page, draft.id);
  await expect(page.getByTestId("evidence-notice")).toContainText("never records your keys or what you paste");
  await expect(page.getByTestId("evidence-notice").getByRole("link", { name: "What is recorded and why" })).toHaveAttribute("href", "/about/provenance");

  await page.getByLabel("Instruction").click();
  await page.keyboard.type(INSTRUCTION);
  await page.getByLabel("Response").click();
  await page.keyboard.type(TYPED);
  await pasteFromClipboard(page, PASTED);
  await expect(page.getByLabel("Response")).toHaveValue(TYPED + PASTED);
  await dropText(page, "#field-response", DROPPED);
  await expect(page.getByLabel("Response")).toHaveValue(TYPED + PASTED + DROPPED);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved");

  await page.getByText("How this text was written (your counters)").click();
  const own = page.getByTestId("own-evidence-report");
  await expect(own.getByTestId("evidence-instruction-typed")).toHaveText(String(INSTRUCTION.length));
  await expect(own.getByTestId("evidence-response-typed")).toHaveText(String(TYPED.length));
  await expect(own.getByTestId("evidence-response-pasted")).toHaveText(`${PASTED.length} (sizes: ${PASTED.length})`);
  await expect(own.getByTestId("evidence-response-dropped")).toHaveText(`${DROPPED.length} (sizes: ${DROPPED.length})`);
  const running = await savedEvidence(draft.id, "writing", false);
  expect(running.implausible, running.reasons.join(", ")).toBe(false);
  const fields = running.fields as unknown as StoredFields;
  expect(fields.instruction.typed).toBe(INSTRUCTION.length);
  expect(fields.response).toMatchObject({ typed: TYPED.length, pasted: PASTED.length, dropped: DROPPED.length, pasteSizes: [PASTED.length], dropSizes: [DROPPED.length], other: 0 });
  expect(fields.response.awayInsertions).toBe(0);

  // Away from the page for 15 s (another window has the focus), then a thousand characters at once.
  await page.evaluate(() => window.dispatchEvent(new Event("blur")));
  await page.clock.fastForward(15_000);
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await page.getByLabel("Response").press("End");
  await pasteFromClipboard(page, ` ${LONG_PASTE}`);
  await page.getByLabel("Note for reviewers about how you wrote this (optional)").fill("Pegado de mis propias notas en otro editor.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();

  const frozen = await savedEvidence(draft.id, "writing", true);
  expect(frozen.implausible, frozen.reasons.join(", ")).toBe(false);
  expect(frozen.flags).toEqual(["mostly_pasted", "insertion_after_away"]);
  expect(frozen.note).toBe("Pegado de mis propias notas en otro editor.");
  expect((frozen.fields as unknown as StoredFields).response.pasteSizes).toEqual([PASTED.length, LONG_PASTE.length + 1]);
  expect((frozen.fields as unknown as StoredFields).response.awayInsertions).toBe(1);
});

test("the reviewer sees the evidence, its flags and the note; their own edit records counters of its own", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"]);
  const reviewer = await createTestUser("reviewer", ["es"]);
  const tag = randomUUID().slice(0, 8);
  const instruction = `Explica por que el pan se pone duro cuando pasan unos dias (${tag}).`;
  const response = "El almidon del pan pierde agua y se recristaliza con el tiempo, por eso la miga se vuelve dura y seca aunque no se enmohezca.";
  const draft = await createDraft(viewerOf(author), { campaignId: campaign.id, language: "es", category: "open_qa" });
  // What the editor would have sent: the instruction typed, the response pasted in one go.
  const saved = await updateDraft(viewerOf(author), draft.id, {
    version: draft.version,
    instruction,
    response,
    evidence: {
      instruction: { ...emptyCounters(), typed: instruction.length, activeMs: 4000, longestBurstCpm: 300 },
      response: { ...emptyCounters(), pasted: response.length, pasteSizes: [response.length], activeMs: 500 },
    },
  });
  await submitItem(viewerOf(author), draft.id, { version: saved.version, evidenceNote: "Lo escribi antes en mis apuntes." });
  const lease = await claimItem(viewerOf(reviewer), { id: draft.id, campaignId: campaign.id, language: "es" });

  await signIn(page, reviewer, /\/review$/);
  await page.goto(`/review/items/${draft.id}`);
  const evidence = page.getByTestId("author-evidence");
  await expect(evidence.getByTestId("evidence-instruction-typed")).toHaveText(String(instruction.length));
  await expect(evidence.getByTestId("evidence-response-pasted")).toHaveText(`${response.length} (sizes: ${response.length})`);
  await expect(evidence.getByRole("img", { name: "0% typed, 100% inserted" })).toBeVisible();
  await expect(evidence.getByTestId("evidence-flags")).toContainText("Mostly pasted.");
  await expect(evidence.getByTestId("evidence-flags")).toContainText("was pasted rather than typed here");
  await expect(evidence.getByTestId("evidence-note")).toHaveText("Lo escribi antes en mis apuntes.");
  await expect(evidence.getByTestId("evidence-implausible")).toHaveCount(0);

  const added = " Se evita guardandolo bien cerrado.";
  await page.getByRole("button", { name: "Edit text" }).click();
  await page.getByLabel("Response").press("End");
  await page.keyboard.type(added);
  await scoreByClicking(page, { instruction: 5, correctness: 5, fluency: 5, safety: 5, guidelines: 5 });
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByTestId("item-status")).toHaveText("Approved");

  const own = await savedEvidence(draft.id, "reviewing", true);
  expect(own.userId).toBe(reviewer.id);
  expect(own.implausible, own.reasons.join(", ")).toBe(false);
  expect((own.fields as unknown as StoredFields).response).toMatchObject({ typed: added.length, pasted: 0, other: 0, deleted: 0 });
  const authors = await savedEvidence(draft.id, "writing", true);
  expect(authors.userId).toBe(author.id);
  expect((authors.fields as unknown as StoredFields).response.typed).toBe(0);
  expect(lease.item.id).toBe(draft.id);
  // The screen shows the edit's counters beside the author's once the decision is in.
  await expect(page.getByTestId("edit-evidence-2").getByTestId("evidence-response-typed")).toHaveText(String(added.length));
});

test("a forged save with impossible counters is saved, marked implausible and shown so; an unparsable one is refused by name", async ({ page, browser }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const author = await createTestUser("annotator", ["es"]);
  const draft = await createDraft(viewerOf(author), { campaignId: campaign.id, language: "es", category: "open_qa" });
  await signIn(page, author, /\/work$/);
  await openEditor(page, draft.id);
  const tag = randomUUID().slice(0, 8);
  const text = {
    instruction: `Di tres consejos para ahorrar agua en casa (${tag}).`,
    response: "Cerrar el grifo mientras te cepillas los dientes, ducharte en lugar de bañarte y poner la lavadora solo cuando este llena.",
  };
  const forged = {
    instruction: { ...emptyCounters(), typed: 1e9, activeMs: -5 },
    response: { ...emptyCounters(), typed: 12.5, pasted: -40, pasteSizes: [3] },
  };
  const answer = await page.request.patch(`/api/v1/items/${draft.id}`, {
    headers: sameOriginJsonHeaders(page),
    data: { version: draft.version, ...text, evidence: forged },
  });
  expect(answer.status()).toBe(200);
  const item = await answer.json();
  expect(item.response).toBe(text.response);
  expect(item.evidence.implausible).toBe(true);
  expect(item.evidence.reasons).toEqual(
    expect.arrayContaining(["too_large:instruction.typed", "negative:instruction.activeMs", "not_whole_number:response.typed", "negative:response.pasted", "growth_mismatch:response"]),
  );
  const unparsable = await page.request.patch(`/api/v1/items/${draft.id}`, {
    headers: sameOriginJsonHeaders(page),
    data: { version: item.version, response: `${text.response} Y regar de noche.`, evidence: { response: "typed a lot" } },
  });
  expect(unparsable.status()).toBe(422);
  expect((await unparsable.json()).error.fields.map((field: { field: string }) => field.field)).toContain("evidence.response");
  expect((await db().item.findUniqueOrThrow({ where: { id: draft.id } })).response).toBe(text.response);

  await page.setViewportSize({ width: 390, height: 800 });
  await openEditor(page, draft.id);
  await page.getByText("How this text was written (your counters)").click();
  await expect(page.getByTestId("own-evidence-report").getByTestId("evidence-implausible")).toContainText("implausible");
  expect(await pastTheEdge(page, "[data-testid=own-evidence]"), "the editor's counters at 390 px").toEqual([]);

  await submitItem(viewerOf(author), draft.id, { version: item.version });
  const reviewer = await createTestUser("reviewer", ["es"]);
  await claimItem(viewerOf(reviewer), { id: draft.id, campaignId: campaign.id, language: "es" });
  const reviewerPage = await signedInPage(browser, reviewer, /\/review$/);
  await reviewerPage.goto(`/review/items/${draft.id}`);
  const shown = reviewerPage.getByTestId("author-evidence").getByTestId("evidence-implausible");
  await expect(shown).toContainText("These counters are implausible");
  await expect(shown).toContainText("Absurdly large: instruction.typed");
  await reviewerPage.setViewportSize({ width: 390, height: 800 });
  // The review screen's own layout is wider than 390 px on main; the evidence must not widen it further.
  const evidenceBox = (await reviewerPage.getByTestId("author-evidence").boundingBox())!;
  const itemBox = (await reviewerPage.getByTestId("item-under-review").boundingBox())!;
  expect(evidenceBox.width, "the evidence is no wider than the item it describes").toBeLessThanOrEqual(itemBox.width + 1);
  await reviewerPage.context().close();
});

test("maintainers see the evidence per annotator (sortable, CSV) and the flagged submissions by flag; nothing of theirs runs past 390 px", async ({ page }) => {
  const campaign = await createTestCampaign({ languages: ["es"] });
  const careful = await createTestUser("annotator", ["es"], "careful");
  const paster = await createTestUser("annotator", ["es"], "paster");
  const submitWith = async (author: typeof careful, typed: boolean) => {
    const tag = randomUUID().slice(0, 8);
    const instruction = `Describe en dos frases como es un dia de lluvia en la ciudad (${tag}).`;
    const response = "Las calles se llenan de paraguas y los coches levantan agua. La gente corre a los portales.";
    const draft = await createDraft(viewerOf(author), { campaignId: campaign.id, language: "es", category: "open_qa" });
    const counted = (length: number) => (typed ? { ...emptyCounters(), typed: length } : { ...emptyCounters(), pasted: length, pasteSizes: [length] });
    // A save per field, as the editor makes them: each may add only so much typing to the time since the last.
    const first = await updateDraft(viewerOf(author), draft.id, { version: draft.version, instruction, evidence: { instruction: counted(instruction.length) } });
    const saved = await updateDraft(viewerOf(author), draft.id, {
      version: first.version,
      response,
      evidence: { instruction: counted(instruction.length), response: counted(response.length) },
    });
    expect(saved.evidence?.implausible, saved.evidence?.reasons.join(", ")).toBe(false);
    await submitItem(viewerOf(author), draft.id, { version: saved.version, ...(typed ? {} : { evidenceNote: "De mis apuntes." }) });
    return draft.id;
  };
  await submitWith(careful, true);
  const pastedId = await submitWith(paster, false);

  const maintainer = await createTestUser("maintainer", ["es"]);
  await page.setViewportSize({ width: 390, height: 800 });
  await signIn(page, maintainer, /\/admin\/users$/);
  await page.goto("/programme");
  await page.getByRole("link", { name: "Authorship evidence" }).click();
  await expect(page).toHaveURL(/\/admin\/provenance$/);
  const rowOf = (name: string) => page.getByTestId("provenance-row").filter({ hasText: name });
  await expect(rowOf(paster.name)).toContainText("100%");
  await expect(rowOf(careful.name)).toContainText("0%");
  // Sorted by the share pasted, largest first, then reversed.
  await page.getByRole("button", { name: "Text pasted" }).click();
  const names = () => page.getByTestId("provenance-row").locator("th").allTextContents();
  expect((await names()).indexOf(paster.name)).toBeLessThan((await names()).indexOf(careful.name));
  await page.getByRole("button", { name: "Text pasted" }).click();
  expect((await names()).indexOf(paster.name)).toBeGreaterThan((await names()).indexOf(careful.name));
  const csv = await (await page.request.get((await page.getByRole("link", { name: "Download CSV" }).getAttribute("href"))!)).text();
  expect(csv.split("\r\n")[0]).toBe("annotator,submissions,flagged,flagged_share,implausible,pasted_share,inserted_share");
  expect(csv).toContain(`${paster.name},1,1,1.0000,0,1.0000,1.0000`);
  expect(csv).toContain(`${careful.name},1,0,0.0000,0,0.0000,0.0000`);

  await page.getByLabel("Flag", { exact: true }).selectOption("mostly_pasted");
  const flagged = page.getByTestId("flagged-submission").filter({ hasText: paster.name });
  await expect(flagged).toContainText("Mostly pasted.");
  await expect(flagged).toContainText("De mis apuntes.");
  await expect(flagged.getByRole("link")).toHaveAttribute("href", `/history/${pastedId}`);
  await flagged.getByRole("link").click();
  await page.getByTestId("revision-evidence-1").locator("summary").click();
  await expect(page.getByTestId("revision-evidence-report-1").getByTestId("evidence-flags")).toContainText("Mostly pasted.");
  await page.goBack();
  await expect(page.getByTestId("flagged-submission").filter({ hasText: careful.name })).toHaveCount(0);
  await page.getByLabel("Flag", { exact: true }).selectOption("typing_too_fast");
  await expect(page.getByTestId("flagged-submission").filter({ hasText: paster.name })).toHaveCount(0);

  for (const path of ["/admin/provenance", "/about/provenance"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await pastTheEdge(page, "main"), path).toEqual([]);
  }
});
