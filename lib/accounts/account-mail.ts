// The e-mails that carry one-time links, worded from the catalogs (group accountMail) in the given UI language.
import { createTranslator } from "next-intl";
import type { UiLocale } from "@/lib/vocabulary";
import { sendMail } from "@/lib/mail/send-mail";

async function mailTranslator(locale: UiLocale) {
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return createTranslator({ locale, messages, namespace: "accountMail" });
}

export async function sendInvitationMail(input: { to: string; link: string; days: number; locale: UiLocale }): Promise<boolean> {
  const t = await mailTranslator(input.locale);
  return sendMail({
    to: input.to,
    subject: t("invitationSubject"),
    text: t("invitationBody", { link: input.link, days: input.days }),
  });
}

export async function sendPasswordResetMail(input: { to: string; link: string; minutes: number; locale: UiLocale }): Promise<boolean> {
  const t = await mailTranslator(input.locale);
  return sendMail({
    to: input.to,
    subject: t("resetSubject"),
    text: t("resetBody", { link: input.link, minutes: input.minutes }),
  });
}
