// Server errors reach people in their own language: each form shows the catalog's words for the error's code (or the
// reason the server gives) and marks the field it names, with the problem tied to that field — never the server's
// English message. One table over the forms, all in Basque; then an import's refused lines and the Settings dates.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { inviteUser } from "@/lib/accounts/invite-user";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { CampaignView } from "@/lib/campaigns/schemas";
import type { ItemView } from "@/lib/items/schemas";
import { db, disconnectDb } from "@/lib/db";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { reviewItem } from "@/tests/support/seed-approved-items";
import { submitTestItem } from "@/tests/support/seed-submitted-items";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
// Several page loads (and browser contexts) per test: on a loaded two-core machine more than the default minute.
test.beforeEach(() => test.slow());
test.afterAll(disconnectDb);

const TAKEN = "Lehendik dagoen edo bitartean aldatu den zerbaitekin talka egiten du.";
const WEAK = "Pasahitz hau errazegia da asmatzeko. Saiatu zerikusirik ez duten hitz batzuekin, edo luzeago batekin.";
const STRONG = "lavender otter quarry 19";
const REVIEW_FIELDS = "Eremu batzuk berrikusi behar dira.";
/** Words of the server's English messages that must never reach a Basque page. */
const ENGLISH = /already|registered|invalid|expected|received|must be|too easy|wrong/i;

async function basquePerson(page: Page, role: "maintainer" | "annotator", landsOn: RegExp): Promise<TestUser> {
  const person = await createTestUser(role, ["eu"]);
  await updateMyPreferences(viewerOf(person), { uiLocale: "eu" });
  await signIn(page, person, landsOn);
  return person;
}

interface FormCase {
  name: string;
  /** Opens the form, fills it so the server refuses it, submits, and returns the form. */
  submit(page: Page): Promise<Locator>;
  /** The error as the form's alert says it. */
  alert: string;
  /**
   * The field the server named: its Basque label and the problem shown with it. A text area's or a menu's name also
   * holds its value, so theirs is matched at its start.
   */
  field: { label: string | RegExp; problem: string };
  /** Nothing was written. */
  unchanged(): Promise<void>;
}

let existing: TestUser;
let campaign: CampaignView;
let disputed: ItemView;
let approved: ItemView;
let takenSlug = "";
let weakInviteEmail = "";
const strangerEmail = `ez-dago-${Date.now()}@test.escriba`;

const CASES: FormCase[] = [
  {
    name: "create account: e-mail already registered (409 conflict, email)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      const form = page.getByRole("form", { name: "Sortu kontua" });
      await form.getByLabel("Helbide elektronikoa").fill(existing.email);
      await form.getByLabel("Izena", { exact: true }).fill("Bikoitza");
      await form.getByLabel("Hasierako pasahitza").fill(STRONG);
      await form.getByRole("button", { name: "Sortu kontua" }).click();
      return form;
    },
    alert: TAKEN,
    field: { label: "Helbide elektronikoa", problem: "Helbide elektronikoa: erabilita dago jada." },
    unchanged: async () => expect(await db().user.count({ where: { email: existing.email } })).toBe(1),
  },
  {
    name: "create account: weak password (422 weak_password, password)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      const form = page.getByRole("form", { name: "Sortu kontua" });
      await form.getByLabel("Helbide elektronikoa").fill(strangerEmail);
      await form.getByLabel("Izena", { exact: true }).fill("Ahula");
      await form.getByLabel("Hasierako pasahitza").fill("aaaaaaaaaa");
      await form.getByRole("button", { name: "Sortu kontua" }).click();
      return form;
    },
    alert: WEAK,
    field: { label: "Hasierako pasahitza", problem: WEAK },
    unchanged: async () => expect(await db().user.count({ where: { email: strangerEmail } })).toBe(0),
  },
  {
    name: "invitation: address that already has an account (409 conflict, email)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      const form = page.getByRole("form", { name: "Gonbidatu norbait" });
      await form.getByLabel("Helbide elektronikoa").fill(existing.email);
      await form.getByRole("button", { name: "Bidali gonbidapena" }).click();
      return form;
    },
    alert: TAKEN,
    field: { label: "Helbide elektronikoa", problem: "Helbide elektronikoa: erabilita dago jada." },
    unchanged: async () => expect(await db().accountLink.count({ where: { email: existing.email, purpose: "invitation" } })).toBe(0),
  },
  {
    name: "forgot password: not an e-mail address (422 validation_failed, email)",
    async submit(page) {
      await page.goto("/forgot-password");
      await page.getByRole("combobox", { name: "Interface language" }).selectOption("eu");
      const form = page.getByRole("form", { name: "Berrezarri pasahitza" });
      await form.getByLabel("Helbide elektronikoa").fill("ez-da-helbide-bat");
      await form.getByRole("button", { name: "Bidali esteka" }).click();
      return form;
    },
    alert: "Eremu batzuk berrikusi behar dira.",
    field: { label: "Helbide elektronikoa", problem: "Helbide elektronikoa: balio ez baliozkoa." },
    unchanged: async () => expect(await db().accountLink.count({ where: { email: "ez-da-helbide-bat" } })).toBe(0),
  },
  {
    name: "accepting an invitation: weak password (422 weak_password, password)",
    async submit(page) {
      const maintainer = await createTestUser("maintainer");
      weakInviteEmail = `gonbidatua-${Date.now()}@test.escriba`;
      // Only the link's path is used: the page is opened on the app under test.
      const invitation = await inviteUser(viewerOf(maintainer), { email: weakInviteEmail, role: "annotator", languages: ["eu"] }, {
        appUrl: "http://escriba.invalid",
        locale: "eu",
      });
      await page.goto(new URL(invitation.link).pathname);
      await page.getByRole("combobox", { name: "Interface language" }).selectOption("eu");
      const form = page.getByRole("form", { name: "Batu escribara" });
      await form.getByLabel("Zure izena").fill("Miren");
      await form.getByLabel("Pasahitz berria").fill("password12");
      await form.getByRole("button", { name: "Sortu nire kontua" }).click();
      return form;
    },
    alert: WEAK,
    field: { label: "Pasahitz berria", problem: WEAK },
    unchanged: async () => expect(await db().user.count({ where: { email: weakInviteEmail } })).toBe(0),
  },
  {
    name: "change password: current password wrong (422 wrong_current_password, currentPassword)",
    async submit(page) {
      await basquePerson(page, "annotator", /\/work$/);
      await page.goto("/settings");
      const form = page.getByRole("form", { name: "Pasahitza", exact: true });
      await form.getByLabel("Oraingo pasahitza").fill("ez da nire pasahitza");
      await form.getByLabel("Pasahitz berria").fill(STRONG);
      await form.getByRole("button", { name: "Aldatu pasahitza" }).click();
      return form;
    },
    alert: "Oraingo pasahitza ez da zuzena.",
    field: { label: "Oraingo pasahitza", problem: "Oraingo pasahitza ez da zuzena." },
    unchanged: async () => {},
  },
  {
    name: "new campaign: short name already used (409 conflict, slug)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/admin/campaigns");
      const form = page.getByRole("form", { name: "Sortu kanpaina" });
      await form.getByLabel("Izena", { exact: true }).fill("Bikoitza");
      await form.getByLabel("Izen laburra (URLetarako)").fill(takenSlug);
      await form.getByRole("button", { name: "Sortu kanpaina" }).click();
      return form;
    },
    alert: TAKEN,
    field: { label: "Izen laburra (URLetarako)", problem: "Izen laburra: erabilita dago jada." },
    unchanged: async () => expect(await db().campaign.count({ where: { slug: takenSlug } })).toBe(1),
  },
  {
    name: "dispute: a comment longer than 5,000 characters (422 validation_failed, comment)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/admin/adjudications");
      const card = page.getByTestId(`dispute-${disputed.id}`);
      await card.getByLabel("Zure iruzkina").fill("luzeegia ".repeat(600));
      await card.getByRole("button", { name: "Onartu", exact: true }).click();
      return card;
    },
    alert: REVIEW_FIELDS,
    field: { label: /^Zure iruzkina/, problem: "Iruzkina: balio ez baliozkoa." },
    unchanged: async () => expect((await db().item.findUniqueOrThrow({ where: { id: disputed.id } })).status).toBe("submitted"),
  },
  {
    name: "guideline: a text of spaces only (422 validation_failed, body)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/admin/campaigns");
      const card = page.getByTestId(`campaign-${campaign.slug}`);
      await card.getByRole("button", { name: "Argitaratu bertsio berria" }).click();
      const text = card.getByLabel(/^Jarraibideak \(Euskara, Markdown\)/);
      await expect(text).not.toHaveValue(""); // the current version, loaded to start from
      await text.fill("   ");
      const form = card.locator("form").filter({ has: page.getByLabel(/^Jarraibideak \(Euskara, Markdown\)/) });
      await form.getByRole("button", { name: "Argitaratu bertsio berria" }).click();
      return form;
    },
    alert: REVIEW_FIELDS,
    field: { label: /^Jarraibideak \(Euskara, Markdown\)/, problem: "Testua: balio ez baliozkoa." },
    unchanged: async () => expect(await db().guideline.count({ where: { campaignId: campaign.id } })).toBe(1),
  },
  {
    name: "explorer: a guideline version of 0 in the address (422 validation_failed, query.guidelineVersion)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/explorer?guidelineVersion=0");
      return page.locator("section.explorer");
    },
    alert: REVIEW_FIELDS,
    field: { label: "Jarraibideen bertsioa", problem: "Jarraibideen bertsioa: balio ez baliozkoa." },
    unchanged: async () => {},
  },
  {
    name: "gold item: a lowest expected score without a highest (422 validation_failed, expectedScoreMax)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto(`/history/${approved.id}`);
      const panel = page.getByTestId("gold-item");
      await panel.getByLabel(/^Espero den puntuaziorik txikiena \(aukerakoa\)/).selectOption("3");
      await panel.getByRole("button", { name: "Markatu erreferentziako item gisa" }).click();
      return panel;
    },
    alert: REVIEW_FIELDS,
    field: { label: /^Espero den puntuaziorik handiena \(aukerakoa\)/, problem: "Espero den puntuaziorik handiena: balio ez baliozkoa." },
    unchanged: async () => expect(await db().goldItem.count({ where: { itemId: approved.id } })).toBe(0),
  },
  {
    name: "campaign settings: a rate per review with three decimals (422 validation_failed, ratePerReview)",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/admin/campaigns");
      const card = page.getByTestId(`campaign-${campaign.slug}`);
      await card.getByText("Editatu ezarpenak").click();
      const form = card.getByRole("form", { name: "Ezarpenak" });
      await form.getByLabel("Ordainsaria berrikuspen bakoitzeko").fill("0.405");
      await form.getByRole("button", { name: "Gorde ezarpenak" }).click();
      return form;
    },
    alert: REVIEW_FIELDS,
    field: { label: "Ordainsaria berrikuspen bakoitzeko", problem: "Berrikuspen bakoitzeko tarifa: balio ez baliozkoa." },
    unchanged: async () => expect((await db().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).ratePerReview).toBeNull(),
  },
  {
    name: "import upload: an empty file (422 validation_failed, (body))",
    async submit(page) {
      await basquePerson(page, "maintainer", /\/admin\/users$/);
      await page.goto("/explorer");
      const panel = page.getByTestId("import-upload");
      await panel.getByLabel("Kanpaina").selectOption(campaign.slug);
      await panel.getByLabel("Fitxategia").setInputFiles({ name: "hutsa.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.alloc(0) });
      await panel.getByRole("button", { name: "Hasi inportazioa" }).click();
      return panel;
    },
    alert: REVIEW_FIELDS,
    field: { label: "Fitxategia", problem: "Testua: balio ez baliozkoa." },
    unchanged: async () => expect(await db().importJob.count({ where: { campaignId: campaign.id } })).toBe(0),
  },
];

test.beforeAll(async () => {
  existing = await createTestUser("annotator", ["eu"]);
  takenSlug = (await createTestCampaign({ languages: ["eu"] })).slug;
  // A dispute (one approval, one rejection) and an approved item, in a campaign of its own.
  campaign = await createTestCampaign({ languages: ["eu"], approvalsRequired: 2 });
  const author = await createTestUser("annotator", ["eu"], "author");
  const [first, second] = [await createTestUser("reviewer", ["eu"]), await createTestUser("reviewer", ["eu"])];
  disputed = await submitTestItem(author, campaign.id, "eu", `eztabaida ${Date.now()}`);
  await reviewItem(first, disputed, "approve");
  await reviewItem(second, disputed, "reject");
  approved = await submitTestItem(author, campaign.id, "eu", `onartua ${Date.now()}`);
  await reviewItem(first, approved, "approve");
  await reviewItem(second, approved, "approve");
});

for (const formCase of CASES) {
  test(`in Basque, ${formCase.name}`, async ({ page }) => {
    const form = await formCase.submit(page);
    const alert = form.getByRole("alert");
    // The summary first; a long form's summary then links to each field with a problem.
    await expect(alert).toHaveText(new RegExp(`^${escapeRegExp(formCase.alert)}`));
    await expect(alert).not.toContainText(ENGLISH);
    {
      const input = form.getByLabel(formCase.field.label, { exact: true });
      await expect(input).toHaveAttribute("aria-invalid", "true");
      await expect(input).toHaveAccessibleDescription(new RegExp(escapeRegExp(formCase.field.problem)));
    }
    await expect(form).not.toContainText(ENGLISH);
    await formCase.unchanged();
  });
}

test("in Basque, an import's refused lines are each worded from their code, beside their line number and field", async ({ page }) => {
  const spanish = await createTestCampaign({ languages: ["es", "eu"] });
  const author = await createTestUser("annotator", ["es", "eu"], "importer");
  const run = Date.now();
  const file = [
    { externalId: `${run}-1`, language: "es", category: "open_qa", authorEmail: author.email, instruction: `¿Qué es un hórreo? (${run})` },
    {
      externalId: `${run}-2`,
      language: "es",
      category: "open_qa",
      authorEmail: author.email,
      instruction: `Escribe un ejemplo de firma de correo electrónico (${run}).`,
      response: "Atentamente, Lucía Ferrer Gil, con DNI 12345678Z, responsable de atención al público del ayuntamiento.",
    },
    { externalId: `${run}-3`, language: "ca", category: "open_qa", authorEmail: author.email, instruction: "Què és un castell?", response: "Una torre humana." },
  ]
    .map((line) => JSON.stringify(line))
    .join("\n");
  await basquePerson(page, "maintainer", /\/admin\/users$/);
  await page.goto("/explorer");
  const panel = page.getByTestId("import-upload");
  await panel.getByLabel("Kanpaina").selectOption(spanish.slug);
  await panel.getByLabel("Fitxategia").setInputFiles({ name: "lerroak.jsonl", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  await panel.getByRole("button", { name: "Hasi inportazioa" }).click();
  const rows = page.getByTestId("import-problems").locator("tbody tr");
  await expect(rows).toHaveText(
    [
      /^1\s*response\s*Eremu hau falta da\.$/,
      /^2\s*response\s*Erantzuna: datu pertsonalak daude \(NAN\)\.$/,
      /^3\s*authorEmail\s*Pertsona hau ez dago gaituta hizkuntza honetarako: Katalana\.$/,
    ],
    { timeout: 30_000 },
  );
  await expect(panel).not.toContainText(ENGLISH);
});

test("in Basque, Settings dates its API tokens as the rest of the app does", async ({ page }) => {
  const person = await basquePerson(page, "annotator", /\/work$/);
  const token = await createApiToken(null, person.id, { name: "proba" });
  await page.goto("/settings");
  const created = new Intl.DateTimeFormat("eu", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(token.createdAt));
  await expect(page.getByRole("listitem").filter({ hasText: "proba" })).toContainText(`Sortua ${created}`);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
