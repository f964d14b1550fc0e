// A few demo items, so a fresh installation shows every screen with something on it: approved items a
// maintainer can release at once, one waiting for the demo reviewer, one draft for the demo annotator.
import type { Viewer } from "@/lib/auth/viewer";
import { createDraft } from "@/lib/items/create-draft";
import { submitItem } from "@/lib/items/submit-item";
import { approveDemoItem, type DemoText } from "@/lib/demo/demo-programme";

const APPROVED: DemoText[] = [
  { language: "gl", instruction: "Por que lles caen as follas ás árbores no outono?", response: "Cando os días se acurtan, a árbore deixa de fabricar clorofila e forma unha capa de células na base de cada folla que corta o paso do zume; a folla sécase e o vento lévaa." },
  { language: "gl", instruction: "Explica como se prepara un caldo galego sinxelo.", response: "Cócense en auga fabas xa remolladas cun anaco de unto, engádense patacas en anacos e, cando están case feitas, grelos ou verzas picadas; déixase repousar antes de servilo." },
  { language: "es", instruction: "¿Qué diferencia hay entre el clima y el tiempo atmosférico?", response: "El tiempo describe lo que ocurre en la atmósfera en un lugar y un momento concretos, mientras que el clima resume las condiciones habituales de una región a lo largo de muchos años." },
  { language: "es", instruction: "Dame tres consejos para estudiar un examen de historia.", response: "Haz una línea del tiempo con las fechas clave, explica cada tema en voz alta como si se lo contaras a otra persona y repasa con preguntas de exámenes anteriores." },
];

const WAITING: DemoText = {
  language: "es",
  instruction: "Explica cómo se prepara un gazpacho andaluz sencillo.",
  response: "Se trituran tomates maduros, pepino, pimiento verde, un diente de ajo, pan del día anterior, aceite de oliva, vinagre y sal, se cuela la mezcla y se sirve muy fría.",
};

async function submitDemoItem(annotator: Viewer, campaignId: string, text: DemoText) {
  const draft = await createDraft(annotator, { campaignId, category: "open_qa", ...text });
  return (await submitItem(annotator, draft.id, { version: draft.version })).item;
}

export async function seedDemoItems(campaignId: string, annotator: Viewer, reviewer: Viewer): Promise<void> {
  for (const text of APPROVED) await approveDemoItem(campaignId, annotator, reviewer, text);
  await submitDemoItem(annotator, campaignId, WAITING);
  await createDraft(annotator, {
    campaignId,
    language: "gl",
    category: "brainstorming",
    instruction: "Propón cinco nomes para unha biblioteca de barrio en Lugo.",
    response: "",
  });
}
