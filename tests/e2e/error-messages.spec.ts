// Server errors reach people in their own language: each form shows the catalog's words for the error's code (or the
// reason the server gives) and marks the field it names, with the problem tied to that field — never the server's
// English message. One table over the forms, all in Basque.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { inviteUser } from "@/lib/accounts/invite-user";
import { db, disconnectDb } from "@/lib/db";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import { createTestCampaign } from "@/tests/support/seed-campaigns";
import { createTestUser, type TestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";

test.use({ locale: "en-US" });
// Several page loads (and browser contexts) per test: on a loaded two-core machine more than the default minute.
test.beforeEach(() => test.slow());
test.afterAll(disconnectDb);

const TAKEN = "Lehendik dagoen edo bitartean aldatu den zerbaitekin talka egiten du.";
const WEAK = "Pasahitz hau errazegia da asmatzeko. Saiatu zerikusirik ez duten hitz batzuekin, edo luzeago batekin.";
const STRONG = "lavender otter quarry 19";
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
  /** The field the server named: its Basque label and the problem shown with it. */
  field: { label: string; problem: string };
  /** Nothing was written. */
  unchanged(): Promise<void>;
}

let existing: TestUser;
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
];

test.beforeAll(async () => {
  existing = await createTestUser("annotator", ["eu"]);
  takenSlug = (await createTestCampaign({ languages: ["eu"] })).slug;
});

for (const formCase of CASES) {
  test(`in Basque, ${formCase.name}`, async ({ page }) => {
    const form = await formCase.submit(page);
    const alert = form.getByRole("alert");
    await expect(alert).toHaveText(formCase.alert);
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
