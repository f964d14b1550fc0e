"use client";
// Deletes a never-submitted draft after asking.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { deleteDraft } from "@/lib/http/operations/items";
import { useHydrated } from "@/components/use-hydrated";
import { clearAllLocalCopies } from "@/components/writing/local-draft-copy";

export function DeleteDraftButton({ itemId, version }: { itemId: string; version: number }) {
  const t = useTranslations("items");
  const router = useRouter();
  const hydrated = useHydrated();
  const describeError = useErrorMessage();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function remove() {
    if (!window.confirm(t("confirmDelete"))) return;
    setPending(true);
    setFailure(null);
    try {
      await callOperation(deleteDraft, { params: { itemId }, query: { version } });
      clearAllLocalCopies(itemId);
      router.refresh();
    } catch (error) {
      setFailure(t("deleteFailed", { message: describeError(error).text }));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="small secondary" disabled={pending || !hydrated} onClick={() => void remove()}>
        {t("delete")}
      </button>
      {failure && (
        <span role="alert" className="error small-text">
          {" "}
          {failure}
        </span>
      )}
    </>
  );
}
