"use client";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/use-hydrated";

export function SignOutButton() {
  const t = useTranslations("nav");
  const hydrated = useHydrated();
  return (
    <button type="button" className="link-button" disabled={!hydrated} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      {t("signOut")}
    </button>
  );
}
