// Demo data for trying escriba locally: accounts for every role (three annotators, two reviewers), an open campaign
// with guidelines, quotas about half filled and a closed pay period, created once and never overwritten.
import { createCampaign } from "@/lib/campaigns/create-campaign";
import { publishGuideline } from "@/lib/campaigns/publish-guideline";
import { updateCampaign } from "@/lib/campaigns/update-campaign";
import { db } from "@/lib/db";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemLanguage, type Role } from "@/lib/vocabulary";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";
import { createUser } from "@/lib/users/create-user";
import { seedDemoItems } from "@/lib/demo/demo-items";
import { approveDemoItem, closeDemoPayPeriod, DEMO_PROGRAMME_TEXTS, setUpDemoProgramme } from "@/lib/demo/demo-programme";

export const DEMO_PASSWORD = "escriba-demo-2026";
export const DEMO_CAMPAIGN_SLUG = "demo";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; languages: ItemLanguage[] }[] = [
  { email: "annotator@escriba.test", name: "Uxía Annotator", role: "annotator", languages: ["gl", "es"] },
  { email: "reviewer@escriba.test", name: "Jordi Reviewer", role: "reviewer", languages: ["ca", "es", "gl"] },
  { email: "maintainer@escriba.test", name: "Miren Maintainer", role: "maintainer", languages: ["es", "ca", "eu", "gl"] },
  { email: "annotator.ca@escriba.test", name: "Pau Annotator", role: "annotator", languages: ["ca"] },
  { email: "annotator.eu@escriba.test", name: "Ane Annotator", role: "annotator", languages: ["eu", "es"] },
  { email: "reviewer.eu@escriba.test", name: "Ander Reviewer", role: "reviewer", languages: ["eu", "es"] },
];

const DEMO_GUIDELINES: Record<ItemLanguage, string> = {
  es: "# Directrices\n\n1. Escribe instrucciones que una persona haría de verdad.\n2. La respuesta debe ser correcta, completa y en un castellano natural.\n3. No copies textos con derechos sin indicar la fuente y la licencia.\n4. No incluyas datos personales reales.",
  ca: "# Directrius\n\n1. Escriu instruccions que una persona faria de debò.\n2. La resposta ha de ser correcta, completa i en un català natural.\n3. No copiïs textos amb drets sense indicar-ne la font i la llicència.\n4. No hi incloguis dades personals reals.",
  eu: "# Jarraibideak\n\n1. Idatzi pertsona batek benetan egingo lituzkeen argibideak.\n2. Erantzunak zuzena, osoa eta euskara naturalean idatzia izan behar du.\n3. Ez kopiatu eskubideak dituen testurik iturria eta lizentzia adierazi gabe.\n4. Ez sartu benetako datu pertsonalik.",
  gl: "# Directrices\n\n1. Escribe instrucións que unha persoa faría de verdade.\n2. A resposta debe ser correcta, completa e nun galego natural.\n3. Non copies textos con dereitos sen indicar a fonte e a licenza.\n4. Non inclúas datos persoais reais.",
};

/** Creates the demo accounts and campaign that do not exist yet; returns what it created. */
export async function seedDemoAccounts(): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db().user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await createUser(null, { ...account, password: DEMO_PASSWORD });
    created.push(account.email);
  }
  const campaignExists = await db().campaign.findUnique({ where: { slug: DEMO_CAMPAIGN_SLUG }, select: { id: true } });
  if (!campaignExists) {
    const accountViewer = async (email: string) =>
      viewerFromUser(await db().user.findUniqueOrThrow({ where: { email } }), { authenticatedBy: "session" });
    const demoViewer = (role: Role) => accountViewer(DEMO_ACCOUNTS.find((account) => account.role === role)!.email);
    const maintainer = await demoViewer("maintainer");
    const campaign = await createCampaign(maintainer, {
      slug: DEMO_CAMPAIGN_SLUG,
      name: "Demo campaign",
      description: "Instruction/response pairs in the four languages, all eight categories.",
      languages: [...ITEM_LANGUAGES],
      categories: [...ITEM_CATEGORIES],
      approvalsRequired: 1,
      ratePerApprovedItem: "1.50",
    });
    for (const language of ITEM_LANGUAGES) {
      await publishGuideline(maintainer, campaign.id, { language, body: DEMO_GUIDELINES[language] });
    }
    // A campaign opens for writing once every language has its guideline.
    await updateCampaign(maintainer, campaign.id, { status: "active" });
    await setUpDemoProgramme(maintainer, campaign.id);
    await seedDemoItems(campaign.id, await demoViewer("annotator"), await demoViewer("reviewer"));
    for (const text of DEMO_PROGRAMME_TEXTS) {
      const [author, reviewer] = text.language === "ca" ? ["annotator.ca", "reviewer"] : ["annotator.eu", "reviewer.eu"];
      await approveDemoItem(campaign.id, await accountViewer(`${author}@escriba.test`), await accountViewer(`${reviewer}@escriba.test`), text);
    }
    await closeDemoPayPeriod(maintainer);
    created.push(`campaign ${DEMO_CAMPAIGN_SLUG} with quotas, sample items and a closed pay period`);
  }
  return created;
}
