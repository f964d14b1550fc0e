// Creates an account with a role and language qualifications (maintainers, the CLI and the demo seed).
import { assertRole } from "@/lib/auth/permissions";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { hashPassword } from "@/lib/auth/passwords";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { emailTaken } from "@/lib/users/email-taken";
import { createUserInputSchema, type CreateUserInput, type UserView } from "@/lib/users/schemas";
import { toUserView } from "@/lib/users/user-view";

/** `actor` is null only for operator tools (CLI, seed), which run with the machine's authority. */
export async function createUser(actor: Viewer | null, input: CreateUserInput): Promise<UserView> {
  if (actor) assertRole(actor, "maintainer");
  const parsed = createUserInputSchema.parse(input);
  assertStrongPassword(parsed.password, [parsed.email, parsed.name]);
  const passwordHash = await hashPassword(parsed.password);
  const existing = await db().user.findUnique({ where: { email: parsed.email }, select: { id: true } });
  if (existing) {
    throw emailTaken();
  }
  try {
    const user = await db().$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          email: parsed.email,
          name: parsed.name,
          role: parsed.role,
          languages: parsed.languages,
          passwordHash,
        },
      });
      await recordAuditEvent(tx, {
        actorId: actor?.id ?? null,
        action: "user.created",
        subjectType: "user",
        subjectId: created.id,
        payload: { role: created.role, languages: created.languages },
      });
      return created;
    });
    return toUserView(user);
  } catch (error) {
    // Two concurrent creations of the same address: the unique index decides, the loser gets a conflict.
    if (error instanceof Error && "code" in error && error.code === "P2002") {
      throw emailTaken();
    }
    throw error;
  }
}
