// Looks an account up by e-mail, for operator tools that name people by address.
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { emailSchema } from "@/lib/users/schemas";

export async function findUserIdByEmail(email: string): Promise<string> {
  const user = await db().user.findUnique({ where: { email: emailSchema.parse(email) }, select: { id: true } });
  if (!user) throw notFound(`Account ${email}`);
  return user.id;
}
