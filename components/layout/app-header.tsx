// The top bar: a skip link, product name, the pages the viewer's role opens (published releases for everyone, signed in or
// not), language menu and sign-out.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { hasRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { LocaleSwitcher } from "@/components/layout/locale-switcher";
import { NavMenu } from "@/components/layout/nav-menu";

export async function AppHeader({ viewer }: { viewer: Viewer | null }) {
  const t = await getTranslations();
  return (
    <header className="app-header">
      <a href="#main" className="skip-link">
        {t("pageLayout.skipToContent")}
      </a>
      <Link href="/" className="brand">
        {t("common.appName")}
      </Link>
      {viewer && (
        <NavMenu label={t("nav.mainNavigation")} menuLabel={t("pageLayout.menu")}>
          <Link href="/work">{t("nav.work")}</Link>
          {hasRole(viewer, "reviewer") && <Link href="/review">{t("nav.review")}</Link>}
          {hasRole(viewer, "reviewer") && <Link href="/explorer">{t("explorer.navLink")}</Link>}
          <Link href="/campaigns">{t("progress.navLink")}</Link>
          <Link href="/me/progress">{t("productivity.navMyProgress")}</Link>
          {hasRole(viewer, "maintainer") && <Link href="/programme">{t("productivity.navProgramme")}</Link>}
          {hasRole(viewer, "maintainer") && <Link href="/admin/campaigns">{t("nav.campaigns")}</Link>}
          {hasRole(viewer, "maintainer") && <Link href="/admin/users">{t("nav.users")}</Link>}
          {hasRole(viewer, "maintainer") && <Link href="/admin/adjudications">{t("adjudications.navLink")}</Link>}
          {/* Maintainers land on the build list, which links to every release's public page. */}
          <Link href={hasRole(viewer, "maintainer") ? "/admin/releases" : "/releases"}>{t("nav.releases")}</Link>
          {hasRole(viewer, "maintainer") ? <Link href="/admin/periods">{t("pay.navPeriods")}</Link> : <Link href="/me/statements">{t("pay.navStatements")}</Link>}
          <Link href="/settings">{t("nav.settings")}</Link>
        </NavMenu>
      )}
      {!viewer && (
        <nav aria-label={t("nav.mainNavigation")}>
          <Link href="/releases">{t("nav.releases")}</Link>
          <Link href="/sign-in">{t("signIn.title")}</Link>
        </nav>
      )}
      <div className="header-end">
        <LocaleSwitcher />
        {viewer && (
          <>
            <span className="muted" data-testid="signed-in-as">
              {t("nav.signedInAs", { name: viewer.name, role: t(`roles.${viewer.role}`) })}
            </span>
            <SignOutButton />
          </>
        )}
      </div>
    </header>
  );
}
