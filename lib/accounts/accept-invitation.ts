// The invitee uses their link: the account is created with the invitation's role and languages and their own name
// and password; the link is spent in the same transaction.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { useAccountLink } from "@/lib/accounts/account-links";
import { acceptInvitationInputSchema } from "@/lib/accounts/schemas";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { hashPassword } from "@/lib/auth/passwords";
import { db } from "@/lib/db";
import { emailTaken } from "@/lib/users/email-taken";

export async function acceptInvitation(input: z.input<typeof acceptInvitationInputSchema>): Promise<{ email: string }> {
  const parsed = acceptInvitationInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const link = await useAccountLink(tx, parsed.token, "invitation");
    if (!link.role) throw new Error(`Invitation ${link.id} has no role.`);
    assertStrongPassword(parsed.password, [link.email, parsed.name]);
    if (await tx.user.findUnique({ where: { email: link.email }, select: { id: true } })) {
      throw emailTaken();
    }
    const user = await tx.user.create({
      data: {
        email: link.email,
        name: parsed.name,
        role: link.role,
        languages: link.languages,
        passwordHash: await hashPassword(parsed.password),
      },
    });
    await tx.accountLink.update({ where: { id: link.id }, data: { userId: user.id } });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "invitation.accepted",
      subjectType: "account_link",
      subjectId: link.id,
      payload: { userId: user.id, invitedById: link.createdById },
    });
    await recordAuditEvent(tx, {
      actorId: link.createdById,
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      payload: { role: user.role, languages: user.languages, invitation: link.id },
    });
    return { email: user.email };
  });
}
