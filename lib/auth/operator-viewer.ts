// The CLI acts as a named account (an operator runs `escriba release create --email …`), so its actions are
// checked by the same rules and credited to a person in the audit log.
import type { Viewer } from "@/lib/auth/viewer";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { emailSchema } from "@/lib/users/schemas";

export async function operatorViewer(email: string): Promise<Viewer> {
  const user = await db().user.findUnique({ where: { email: emailSchema.parse(email) } });
  if (!user) throw notFound(`Account ${email}`);
  if (!user.active) throw new AppError("forbidden", `Account ${email} is deactivated.`);
  return viewerFromUser(user, { authenticatedBy: "cli" });
}

/**
 * The person at the server's shell, for read-only commands that name no account (`escriba statement export`): whoever
 * can run the CLI there can read the database directly, so an account would add no protection. Never used to write.
 */
export function shellOperatorViewer(): Viewer {
  return {
    id: "00000000-0000-0000-0000-000000000000",
    email: "operator@localhost",
    name: "Operator",
    role: "maintainer",
    languages: [],
    uiLocale: null,
    authenticatedBy: "cli",
  };
}
