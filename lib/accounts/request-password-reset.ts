// "Forgot password": a reset link goes to the address when it belongs to an active account. The answer and its
// timing are the same either way (the mail is sent after answering), so the form tells nobody who has an account.
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { accountLinkUrl, newLinkToken } from "@/lib/accounts/account-links";
import { sendPasswordResetMail } from "@/lib/accounts/account-mail";
import type { LinkDelivery } from "@/lib/accounts/invite-user";
import { requestPasswordResetInputSchema } from "@/lib/accounts/schemas";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** More reset links than this per account and hour are not made: the form cannot be used to flood someone's inbox. */
const MAX_RESETS_PER_HOUR = 3;

export interface PasswordResetRequest {
  /** Resolves when the e-mail was sent, or at once when there was nothing to send; the HTTP answer does not wait for it. */
  delivered: Promise<boolean>;
}

export async function requestPasswordReset(input: unknown, delivery: LinkDelivery): Promise<PasswordResetRequest> {
  const { email } = requestPasswordResetInputSchema.parse(input);
  const lifetimeSeconds = delivery.lifetimeSeconds ?? env().ESCRIBA_PASSWORD_RESET_MINUTES * 60;
  const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, active: true, uiLocale: true } });
  if (!user || !user.active) return { delivered: Promise.resolve(false) };
  const recent = await db().accountLink.count({
    where: { userId: user.id, purpose: "password_reset", createdAt: { gt: new Date(currentTime().getTime() - 3_600_000) } },
  });
  if (recent >= MAX_RESETS_PER_HOUR) return { delivered: Promise.resolve(false) };
  const { token, tokenHash } = newLinkToken();
  await db().$transaction(async (tx) => {
    const link = await tx.accountLink.create({
      data: {
        purpose: "password_reset",
        tokenHash,
        email: user.email,
        userId: user.id,
        expiresAt: new Date(currentTime().getTime() + lifetimeSeconds * 1000),
      },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      action: "password_reset.requested",
      subjectType: "user",
      subjectId: user.id,
      payload: { link: link.id, expiresAt: link.expiresAt.toISOString() },
    });
  });
  const delivered = sendPasswordResetMail({
    to: user.email,
    link: accountLinkUrl(delivery.appUrl, "password_reset", token),
    minutes: Math.max(1, Math.round(lifetimeSeconds / 60)),
    locale: user.uiLocale ?? delivery.locale,
  }).catch((error: unknown) => {
    console.error("Could not send a password-reset mail", error);
    return false;
  });
  return { delivered };
}
