"use client";
import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("pay");
  return (
    <button type="button" className="secondary no-print" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
