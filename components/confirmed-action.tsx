"use client";
// A button that asks in the page before acting: the question, then a confirm button (focused) and Cancel, and (when
// given) the refusal under them. Used for what cannot be undone or changes someone's access: publishing or discarding
// a release, closing a pay period, changing a role, deactivating an account. ConfirmPanel is the question alone, for
// a choice made elsewhere (a menu) that waits for confirmation.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

interface ConfirmPanelProps {
  id: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  failure?: string | null;
  danger?: boolean;
  small?: boolean;
}

export function ConfirmPanel({ id, question, confirmLabel, pending, onConfirm, onCancel, failure = null, danger = false, small = false }: ConfirmPanelProps) {
  const tRoot = useTranslations();
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmButton.current?.focus(), []);
  const actionClass = [small && "small", danger && "danger"].filter(Boolean).join(" ") || undefined;
  return (
    <div className={danger ? "confirm-panel danger stack" : "confirm-panel stack"} role="group" aria-labelledby={id}>
      <p id={id}>{question}</p>
      <div className="row">
        <button ref={confirmButton} type="button" className={actionClass} disabled={pending} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className={small ? "small secondary" : "secondary"} disabled={pending} onClick={onCancel}>
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

export function ConfirmedAction({
  label,
  disabled = false,
  ...panel
}: Omit<ConfirmPanelProps, "onCancel"> & {
  label: string;
  /** The first button is not usable yet (e.g. before hydration). */
  disabled?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const actionClass = [panel.small && "small", panel.danger && "danger"].filter(Boolean).join(" ") || undefined;
  if (!confirming) {
    return (
      <button type="button" className={actionClass} disabled={disabled} onClick={() => setConfirming(true)}>
        {label}
      </button>
    );
  }
  return <ConfirmPanel {...panel} onCancel={() => setConfirming(false)} />;
}
