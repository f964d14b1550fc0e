// Test people, created through the same use case as the app's, each with a unique address so tests never share data.
import { randomBytes } from "node:crypto";
import type { ItemLanguage } from "@/lib/vocabulary";
import { createUser } from "@/lib/users/create-user";
import type { Role } from "@/lib/vocabulary";

export const TEST_PASSWORD = "correct horse battery staple";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  languages: ItemLanguage[];
}

export async function createTestUser(role: Role, languages: ItemLanguage[] = ["es"], label: string = role): Promise<TestUser> {
  const email = `${label}-${randomBytes(5).toString("hex")}@test.escriba`;
  const name = `${label[0]?.toUpperCase()}${label.slice(1)} ${randomBytes(2).toString("hex")}`;
  const user = await createUser(null, { email, name, role, languages, password: TEST_PASSWORD });
  return { id: user.id, email, name, password: TEST_PASSWORD, role, languages: user.languages };
}
