// A reset link sets a new password and ends every session and every other reset link of the account, so whoever
// knew the old password is signed out everywhere.
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { useAccountLink } from "@/lib/accounts/account-links";
import { resetPasswordInputSchema } from "@/lib/accounts/schemas";
import { assertStrongPassword } from "@/lib/auth/password-strength";
import { hashPassword } from "@/lib/auth/passwords";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

export async function resetPassword(input: z.input<typeof resetPasswordInputSchema>): Promise<{ email: string }> {
  const parsed = resetPasswordInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    const link = await useAccountLink(tx, parsed.token, "password_reset");
    const user = link.userId ? await tx.user.findUnique({ where: { id: link.userId } }) : null;
    if (!user || !user.active) {
      throw new AppError("validation_failed", "This link cannot be used: the account is closed.", {
        fields: [{ field: "token", message: "account closed" }],
        details: { reason: "link_unknown" },
      });
    }
    assertStrongPassword(parsed.password, [user.email, user.name]);
    const now = currentTime();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(parsed.password) } });
    const ended = await tx.session.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.accountLink.updateMany({
      where: { userId: user.id, purpose: "password_reset", usedAt: null },
      data: { usedAt: now },
    });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: "password_reset.completed",
      subjectType: "user",
      subjectId: user.id,
      payload: { link: link.id, sessionsEnded: ended.count },
    });
    return { email: user.email };
  });
}
