// A maintainer invites someone by e-mail with a role and languages; the invitee sets their own name and password
// through a one-time link that expires. The link is returned (to be shown) and e-mailed when SMTP is configured.
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { accountLinkUrl, newLinkToken } from "@/lib/accounts/account-links";
import { sendInvitationMail } from "@/lib/accounts/account-mail";
import { inviteUserInputSchema, type InvitationView, type InviteUserInput } from "@/lib/accounts/schemas";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { emailTaken } from "@/lib/users/email-taken";
import { env } from "@/lib/env";
import type { UiLocale } from "@/lib/vocabulary";

export interface LinkDelivery {
  /** The app's public address, which the link starts with. */
  appUrl: string;
  /** The language of the e-mail. */
  locale: UiLocale;
  /** Tests only: a lifetime other than the configured one. */
  lifetimeSeconds?: number;
}

export async function inviteUser(actor: Viewer, input: InviteUserInput, delivery: LinkDelivery): Promise<InvitationView> {
  assertRole(actor, "maintainer");
  const parsed = inviteUserInputSchema.parse(input);
  const lifetimeSeconds = delivery.lifetimeSeconds ?? env().ESCRIBA_INVITATION_DAYS * 86_400;
  const { token, tokenHash } = newLinkToken();
  const link = await db().$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: parsed.email }, select: { id: true } });
    if (existing) {
      throw emailTaken();
    }
    const created = await tx.accountLink.create({
      data: {
        purpose: "invitation",
        tokenHash,
        email: parsed.email,
        role: parsed.role,
        languages: parsed.languages,
        createdById: actor.id,
        expiresAt: new Date(currentTime().getTime() + lifetimeSeconds * 1000),
      },
    });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "invitation.created",
      subjectType: "account_link",
      subjectId: created.id,
      payload: { email: created.email, role: parsed.role, languages: parsed.languages, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  const url = accountLinkUrl(delivery.appUrl, "invitation", token);
  const emailed = await sendInvitationMail({
    to: link.email,
    link: url,
    days: Math.max(1, Math.round(lifetimeSeconds / 86_400)),
    locale: delivery.locale,
  });
  return {
    id: link.id,
    email: link.email,
    role: parsed.role,
    languages: parsed.languages,
    expiresAt: link.expiresAt.toISOString(),
    link: url,
    emailed,
  };
}
