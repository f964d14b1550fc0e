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
