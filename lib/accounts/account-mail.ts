// The e-mails that carry one-time links, worded from the catalogs (group accountMail) in the given UI language.
import { createTranslator } from "next-intl";
import { sendMail } from "@/lib/mail/send-mail";
import type { UiLocale } from "@/lib/vocabulary";
import ca from "@/messages/ca.json" with { type: "json" };
import en from "@/messages/en.json" with { type: "json" };
import es from "@/messages/es.json" with { type: "json" };
import eu from "@/messages/eu.json" with { type: "json" };
import gl from "@/messages/gl.json" with { type: "json" };

// Imported, not loaded by path: the same code then runs in the app, the CLI and the tests' own processes.
const CATALOGS = { ca, en, es, eu, gl };

async function mailTranslator(locale: UiLocale) {
  return createTranslator({ locale, messages: CATALOGS[locale], namespace: "accountMail" });
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
