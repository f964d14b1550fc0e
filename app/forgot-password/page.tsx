import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/accounts/forgot-password-form";
import { env } from "@/lib/env";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("accounts");
  return (
    <ClientMessages groups={["accounts", "apiErrors"]}>
      <section className="narrow stack">
        <h1>{t("forgotTitle")}</h1>
        <p className="muted">{t("forgotIntro")}</p>
        <ForgotPasswordForm resetMinutes={env().ESCRIBA_PASSWORD_RESET_MINUTES} />
        <p>
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </p>
      </section>
    </ClientMessages>
  );
}
