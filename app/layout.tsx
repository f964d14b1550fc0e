import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { currentViewer } from "@/lib/http/authenticate";
import { AppHeader } from "@/components/layout/app-header";
import { ClientMessages } from "@/components/i18n/client-messages";
import { QueryProvider } from "@/components/providers/query-provider";
import { SessionProvider } from "@/components/providers/session-provider";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: t("appName"), description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, viewer] = await Promise.all([getLocale(), currentViewer()]);
  return (
    <html lang={locale}>
      <body>
        {/* The header's groups; each page gives its own components theirs. */}
        <ClientMessages groups={["nav", "settings", "uiLocales"]}>
          <SessionProvider>
            <QueryProvider>
              <AppHeader viewer={viewer} />
              <main className="page" id="main" tabIndex={-1}>{children}</main>
            </QueryProvider>
          </SessionProvider>
        </ClientMessages>
      </body>
    </html>
  );
}
