// Demo accounts for trying escriba locally: one per role, created once and never overwritten.
import { db } from "@/lib/db";
import type { ItemLanguage } from "@/lib/items/vocabulary";
import type { Role } from "@/lib/auth/viewer";
import { createUser } from "@/lib/users/create-user";

export const DEMO_PASSWORD = "escriba-demo-2026";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; languages: ItemLanguage[] }[] = [
  { email: "annotator@escriba.test", name: "Uxía Annotator", role: "annotator", languages: ["gl", "es"] },
  { email: "reviewer@escriba.test", name: "Jordi Reviewer", role: "reviewer", languages: ["ca", "es", "gl"] },
  { email: "maintainer@escriba.test", name: "Miren Maintainer", role: "maintainer", languages: ["es", "ca", "eu", "gl"] },
];

/** Creates the demo accounts that do not exist yet; returns the e-mails it created. */
export async function seedDemoAccounts(): Promise<string[]> {
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const exists = await db().user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (exists) continue;
    await createUser(null, { ...account, password: DEMO_PASSWORD });
    created.push(account.email);
  }
  return created;
}
