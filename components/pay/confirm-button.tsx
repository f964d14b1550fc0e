"use client";
// A button that asks in the page before acting: the question, then a confirm button (focused) and Cancel.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

export function ConfirmButton(props: {
  id: string;
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  disabled?: boolean;
  onConfirm: () => void;
}) {
  const tRoot = useTranslations();
  const [confirming, setConfirming] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  if (!confirming) {
    return (
      <button type="button" disabled={props.disabled} onClick={() => setConfirming(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <div className="pay-confirm stack" role="group" aria-labelledby={props.id}>
      <p id={props.id}>{props.question}</p>
      <div className="row">
        <button ref={confirmButton} type="button" disabled={props.pending} onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          {tRoot("common.cancel")}
        </button>
      </div>
    </div>
  );
}
