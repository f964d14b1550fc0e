"use client";
// A maintainer retracts an approved item (a licence problem, personal data found late, a complaint): it leaves
// every release built from now on and the next changelog lists it; published releases keep it. The reason is
// required: it is what the audit log and the item's page say about why.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { retractItem } from "@/lib/http/operations/releases";
import { useHydrated } from "@/components/use-hydrated";

const REASON_MAX_LENGTH = 2000;

export function RetractItemPanel({ itemId }: { itemId: string }) {
  const t = useTranslations("history");
  const tRoot = useTranslations();
  const describeError = useErrorMessage();
  const router = useRouter();
  const hydrated = useHydrated();
  const [reason, setReason] = useState("");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  function askToConfirm(event: FormEvent) {
    event.preventDefault();
    if (reason.trim() === "") return setFailure(t("retractReasonRequired"));
    setFailure(null);
    setConfirming(true);
  }

  async function retract() {
    setPending(true);
    setFailure(null);
    try {
      await callOperation(retractItem, { params: { itemId }, body: { reason } });
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 409) setFailure(t("retractConflict"));
      else setFailure(t("retractFailed", { message: describeError(error).text }));
    } finally {
      setPending(false);
      setConfirming(false);
    }
  }

  return (
    <section className="card stack" aria-labelledby="retract-heading" data-testid="retract-item">
      <h2 id="retract-heading">{t("retractTitle")}</h2>
      <p className="muted">{t("retractHelp")}</p>
      <form className="stack" onSubmit={askToConfirm} noValidate>
        <label htmlFor="retract-reason">{t("retractReason")}</label>
        <textarea
          id="retract-reason"
          rows={3}
          maxLength={REASON_MAX_LENGTH}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setConfirming(false);
          }}
          aria-invalid={failure !== null}
          aria-describedby={failure ? "retract-error" : undefined}
        />
        {confirming ? (
          <div className="stack" role="group" aria-labelledby="retract-confirm">
            <p id="retract-confirm">{t("retractConfirm")}</p>
            <div className="row">
              <button ref={confirmButton} type="button" className="danger" disabled={pending} onClick={() => void retract()}>
                {t("retractNow")}
              </button>
              <button type="button" className="secondary" disabled={pending} onClick={() => setConfirming(false)}>
                {tRoot("common.cancel")}
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <button type="submit" className="danger" disabled={!hydrated}>
              {t("retract")}
            </button>
          </div>
        )}
        {failure && (
          <p role="alert" className="error" id="retract-error">
            {failure}
          </p>
        )}
      </form>
    </section>
  );
}
