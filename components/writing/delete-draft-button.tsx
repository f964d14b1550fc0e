"use client";
// Deletes a never-submitted draft after asking.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "@/components/api-client";
import { clearAllLocalCopies } from "@/components/writing/local-draft-copy";

export function DeleteDraftButton({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("items");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="small secondary"
      disabled={pending}
      onClick={async () => {
        if (!window.confirm(t("confirmDelete"))) return;
        setPending(true);
        await callApi(`/api/v1/items/${itemId}?version=${version}`, { method: "DELETE" }).finally(() => setPending(false));
        clearAllLocalCopies(itemId);
        router.refresh();
      }}
    >
      {t("delete")}
    </button>
  );
}
