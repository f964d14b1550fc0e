// New passwords: the rule is shown before submitting, weak ones are refused with a 422 naming the field, in the
// person's language in the users page.
import { expect, test } from "@playwright/test";
import { createApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";
import { signIn } from "@/tests/e2e/helpers/session";

test.afterAll(disconnectDb);

test.describe("in an English browser", () => {
  test.use({ locale: "en-US" });

  test("a maintainer sees the password rule and the missing length as they type; a weak password is refused, a strong one accepted", async ({ page }) => {
    const maintainer = await createTestUser("maintainer");
    await signIn(page, maintainer, /\/admin\/users$/);
    const form = page.getByRole("form", { name: "Create account" });
    const password = form.getByLabel("Initial password");
    await expect(password).toHaveAccessibleDescription(/^At least 10 characters and hard to guess/);
    await password.fill("abc123");
    await expect(form.getByTestId("new-password-length")).toHaveText("4 more characters needed.");
    await password.fill("password12");
    await expect(form.getByTestId("new-password-length")).toHaveText("");

    const email = `weak-ui-${Date.now()}@test.escriba`;
    await form.getByLabel("E-mail").fill(email);
    await form.getByLabel("Name").fill("Weak Ui");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("alert")).toHaveText("This password is too easy to guess. Try a few unrelated words, or a longer one.");
    expect(await db().user.count({ where: { email } })).toBe(0);

    await password.fill("lavender otter quarry 19");
    await form.getByRole("button", { name: "Create account" }).click();
    await expect(form.getByRole("status")).toHaveText(`Account created for ${email}.`);
  });

  test("the API refuses 1234567890, aaaaaaaaaa and password12 with a 422 naming the password field", async ({ request }) => {
    const maintainer = await createTestUser("maintainer");
    const headers = { authorization: `Bearer ${(await createApiToken(null, maintainer.id, { name: "admin" })).token}` };
    for (const weak of ["1234567890", "aaaaaaaaaa", "password12"]) {
      const email = `weak-api-${weak}@test.escriba`;
      const response = await request.post("/api/v1/users", { headers, data: { email, name: "Weak", role: "annotator", languages: [], password: weak } });
      expect(response.status()).toBe(422);
      const { error } = await response.json();
      expect(error.fields).toEqual([{ field: "password", message: expect.stringMatching(/^too easy to guess\. /) }]);
      expect(await db().user.count({ where: { email } })).toBe(0);
    }
  });
});

test.describe("for a maintainer who reads Galician", () => {
  test.use({ locale: "en-US" });

  test("the rule and the refusal are in Galician", async ({ page }) => {
    const maintainer = await createTestUser("maintainer");
    await updateMyPreferences(viewerOf(maintainer), { uiLocale: "gl" });
    await signIn(page, maintainer, /\/admin\/users$/);
    const form = page.getByRole("form", { name: "Crear conta" });
    const password = form.getByLabel("Contrasinal inicial");
    await expect(password).toHaveAccessibleDescription(/^Polo menos 10 caracteres e difícil de adiviñar/);
    await password.fill("aaaaaaaaa");
    await expect(form.getByTestId("new-password-length")).toHaveText("Falta 1 carácter.");
    await password.fill("aaaaaaaaaa");
    await form.getByLabel("Correo").fill(`weak-gl-${Date.now()}@test.escriba`);
    await form.getByLabel("Nome").fill("Fraca");
    await form.getByRole("button", { name: "Crear conta" }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "Este contrasinal é demasiado doado de adiviñar. Proba con unhas cantas palabras sen relación entre si, ou cun máis longo.",
    );
  });
});
