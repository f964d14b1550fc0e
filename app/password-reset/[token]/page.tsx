import { getTranslations } from "next-intl/server";
import { LinkRefusal } from "@/components/accounts/link-refusal";
import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { describeAccountLink } from "@/lib/accounts/describe-account-link";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function PasswordResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations("accounts"), describeAccountLink(token, "password_reset")]);
  return (
    <ClientMessages groups={["accounts", "apiErrors", "passwordRule"]}>
      <section className="narrow stack">
        <h1>{t("resetTitle")}</h1>
        {link.usable ? (
          <>
            <p>{t("resetIntro", { email: link.email })}</p>
            <ResetPasswordForm token={token} />
          </>
        ) : (
          <LinkRefusal problem={link.problem} />
        )}
      </section>
    </ClientMessages>
  );
}
