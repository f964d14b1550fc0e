// Submitted items for review tests. Few items go through the real use cases (createDraft + submitItem); the
// volume tests insert rows in bulk, shaped exactly as submitItem leaves them (item + its first revision), because
// running the quality checks 500 times would test the quality engine, not the queue.
import { randomInt, randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import type { ItemView } from "@/lib/items/schemas";
import type { ItemLanguage } from "@/lib/vocabulary";
import type { TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

const SAMPLE_TEXT: Record<ItemLanguage, { instruction: string; response: string }> = {
  es: {
    instruction: "Explica con tus palabras por qué el cielo se ve azul durante el día.",
    response: "La luz del sol se dispersa al chocar con las moléculas del aire, y la luz azul se dispersa mucho más que la roja; por eso vemos el cielo azul.",
  },
  gl: {
    instruction: "Explica coas túas palabras por que o ceo se ve azul durante o día.",
    response: "A luz do sol dispérsase ao bater coas moléculas do aire, e a luz azul dispérsase moito máis ca vermella; por iso vemos o ceo azul.",
  },
  ca: {
    instruction: "Explica amb les teves paraules per què el cel es veu blau durant el dia.",
    response: "La llum del sol es dispersa quan xoca amb les molècules de l'aire, i la llum blava es dispersa molt més que la vermella; per això veiem el cel blau.",
  },
  eu: {
    instruction: "Azaldu zure hitzekin zergatik ikusten den zerua urdin egunean zehar.",
    response: "Eguzkiaren argia sakabanatu egiten da aireko molekulekin talka egitean, eta argi urdina gorria baino askoz gehiago sakabanatzen da; horregatik ikusten dugu zerua urdin.",
  },
};

/**
 * A tag that keeps a test's item texts apart from other tests' and runs': always twelve digits. Letters of a random
 * hex tag can spell a word of another language ("fa" is Aragonese) and turn the language check, and nine digits from
 * 6 to 9 make a phone number, which the personal-data check blocks.
 */
export const uniqueTextTag = () => String(randomInt(100_000_000_000, 1_000_000_000_000));

/** One item through the real use cases; `tag` keeps its text unique so it is never an exact duplicate. */
export async function submitTestItem(author: TestUser, campaignId: string, language: ItemLanguage, tag: string): Promise<ItemView> {
  const text = SAMPLE_TEXT[language];
  const viewer = viewerOf(author);
  const draft = await createDraft(viewer, {
    campaignId,
    language,
    category: "open_qa",
    instruction: `${text.instruction} (${tag})`,
    response: `${text.response} ${tag}.`,
  });
  return (await submitItem(viewer, draft.id, { version: draft.version })).item;
}

/** `count` submitted items in bulk, oldest first by submittedAt; returns their ids in queue order. */
export async function insertSubmittedItems(author: TestUser, campaignId: string, language: ItemLanguage, count: number) {
  const base = Date.now() - count * 1000;
  const items = Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    campaignId,
    authorId: author.id,
    language,
    category: "open_qa" as const,
    status: "submitted" as const,
    instruction: `${SAMPLE_TEXT[language].instruction} #${index}`,
    response: SAMPLE_TEXT[language].response,
    reviewRound: 1,
    version: 2,
    submittedAt: new Date(base + index * 1000),
  }));
  await db().item.createMany({ data: items });
  await db().itemRevision.createMany({
    data: items.map((item) => ({
      itemId: item.id,
      number: 1,
      kind: "submission" as const,
      authorId: author.id,
      category: item.category,
      instruction: item.instruction,
      response: item.response,
    })),
  });
  return items.map((item) => item.id);
}
