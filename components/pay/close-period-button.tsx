"use client";
// Closing a pay period, after an in-page confirmation that says what will happen (and, for a period still running,
// that closing now ends it at this instant).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { ConfirmedAction } from "@/components/confirmed-action";
import { useHydrated } from "@/components/use-hydrated";
import * as pay from "@/lib/http/operations/pay";

export function ClosePeriodButton(props: { periodId: string; label: string; ended: boolean; endsOnText: string; totalText: string }) {
  const t = useTranslations("pay");
  const tRoot = useTranslations();
  const hydrated = useHydrated();
  const router = useRouter();
  const close = useMutation({
    mutationFn: () => callOperation(pay.closePayPeriod, { params: { periodId: props.periodId }, body: { closeNow: !props.ended } }),
    onSuccess: () => router.refresh(),
  });
  const failure = close.error ? (close.error instanceof ApiRequestError && close.error.status === 409 ? t("closeConflict") : tRoot("common.error")) : null;
  return (
    <div className="stack">
      <ConfirmedAction
        id={`close-period-${props.periodId}`}
        label={props.ended ? t("close") : t("closeNow")}
        question={
          props.ended
            ? t("closeConfirm", { label: props.label, total: props.totalText })
            : t("closeNowConfirm", { label: props.label, end: props.endsOnText, total: props.totalText })
        }
        confirmLabel={t("closeConfirmButton", { label: props.label })}
        pending={close.isPending}
        disabled={!hydrated}
        onConfirm={() => close.mutate()}
      />
      {failure && (
        <p role="alert" className="error">
          {failure}
        </p>
      )}
    </div>
  );
}
