import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/accounts/accept-invitation-form";
import { LinkRefusal } from "@/components/accounts/link-refusal";
import { describeAccountLink } from "@/lib/accounts/describe-account-link";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations(), describeAccountLink(token, "invitation")]);
  return (
    <ClientMessages groups={["accounts", "apiErrors", "passwordRule"]}>
      <section className="narrow stack">
        <h1>{t("accounts.acceptTitle")}</h1>
        {link.usable ? (
          <>
            <p>{t("accounts.acceptIntro", { email: link.email, role: link.role ? t(`roles.${link.role}`) : "" })}</p>
            <AcceptInvitationForm token={token} />
          </>
        ) : (
          <LinkRefusal problem={link.problem} />
        )}
      </section>
    </ClientMessages>
  );
}
