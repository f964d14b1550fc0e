"use client";
// A button that asks in the page before acting: the question, then a confirm button (focused) and Cancel, and (when
// given) the refusal under them. Used for what cannot be undone: publishing or discarding a release, closing a pay
// period.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

export function ConfirmedAction({
  id,
  label,
  question,
  confirmLabel,
  pending,
  onConfirm,
  failure = null,
  disabled = false,
  danger = false,
  small = false,
}: {
  id: string;
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  failure?: string | null;
  /** The first button is not usable yet (e.g. before hydration). */
  disabled?: boolean;
  danger?: boolean;
  small?: boolean;
}) {
  const tRoot = useTranslations();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  const actionClass = [small && "small", danger && "danger"].filter(Boolean).join(" ") || undefined;
  if (!confirming) {
    return (
      <button type="button" className={actionClass} disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm-panel stack" role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="row">
        <button ref={confirmButton} type="button" className={actionClass} disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className={small ? "small secondary" : "secondary"} disabled={pending} onClick={() => setConfirming(false)}>
          {tRoot("common.cancel")}
        </button>
      </div>
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
