import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { homePathFor } from "@/lib/auth/permissions";
import { currentViewer } from "@/lib/http/authenticate";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ ended?: string; welcome?: string; email?: string }> }) {
  const viewer = await currentViewer();
  if (viewer) redirect(homePathFor(viewer));
  const [t, { ended, welcome, email }] = await Promise.all([getTranslations(), searchParams]);
  return (
    <ClientMessages groups={["signIn"]}>
      <section className="narrow">
        <h1>{t("signIn.title")}</h1>
        {ended === "1" && (
          <p className="card" role="status">
            {t("signIn.sessionEnded")}
          </p>
        )}
        {(welcome === "invitation" || welcome === "reset") && (
          <p className="card" role="status">
            {t(welcome === "invitation" ? "accounts.accepted" : "accounts.resetDone")}
          </p>
        )}
        <p className="muted">{t("common.tagline")}</p>
        <SignInForm defaultEmail={email ?? ""} />
        <p>
          <Link href="/forgot-password">{t("accounts.forgotLink")}</Link>
        </p>
      </section>
    </ClientMessages>
  );
}
