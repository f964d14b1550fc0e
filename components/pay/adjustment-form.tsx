"use client";
// Maintainers add an adjustment to a person's pay in an open period: amount (negative to deduct), currency, reason.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { useHydrated } from "@/components/use-hydrated";
import * as pay from "@/lib/http/operations/pay";
import type { CreateAdjustmentInput } from "@/lib/pay/schemas";

type Field = "userId" | "amount" | "currency" | "reason" | "periodId";

export function AdjustmentForm({ periodId, people }: { periodId: string; people: { id: string; name: string; email: string }[] }) {
  const t = useTranslations("pay");
  const tRoot = useTranslations();
  const hydrated = useHydrated();
  const router = useRouter();
  const [added, setAdded] = useState(false);
  const add = useMutation({
    mutationFn: (input: CreateAdjustmentInput) => callOperation(pay.createAdjustment, { body: input }),
    onSuccess: () => {
      setAdded(true);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setAdded(false);
    add.mutate(
      {
        periodId,
        userId: String(form.get("userId") ?? ""),
        amount: String(form.get("amount") ?? "").trim(),
        currency: String(form.get("currency") ?? "").trim().toUpperCase(),
        reason: String(form.get("reason") ?? ""),
      },
      { onSuccess: () => (event.target as HTMLFormElement).reset() },
    );
  }

  const failure = add.error instanceof ApiRequestError ? add.error : null;
  const messages: Record<Field, string> = {
    userId: t("personRequired"),
    amount: t("amountInvalid"),
    currency: t("currencyInvalid"),
    reason: t("reasonRequired"),
    periodId: t("periodClosedError"),
  };
  const problemWith = (field: Field) => (failure?.failure.fields.some((problem) => problem.field === field) ? messages[field] : null);
  const periodProblem = problemWith("periodId");
  const formProblem = failure && failure.failure.fields.length === 0 ? tRoot("common.error") : null;
  const fieldProps = (field: Field) => ({
    name: field,
    id: `adjustment-${field}`,
    "aria-invalid": problemWith(field) ? true : undefined,
    "aria-describedby": problemWith(field) ? `adjustment-${field}-error` : undefined,
  });
  const fieldError = (field: Field) =>
    problemWith(field) && (
      <p id={`adjustment-${field}-error`} className="error small-text" role="alert">
        {problemWith(field)}
      </p>
    );

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-adjustment-title">
      <h3 id="add-adjustment-title">{t("addAdjustment")}</h3>
      <div className="row pay-form-row">
        <div className="field">
          <label htmlFor="adjustment-userId">{t("person")}</label>
          <select {...fieldProps("userId")} defaultValue="">
            <option value="" disabled>
              {t("choosePerson")}
            </option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </select>
          {fieldError("userId")}
        </div>
        <div className="field">
          <label htmlFor="adjustment-amount">{t("amount")}</label>
          <input {...fieldProps("amount")} inputMode="decimal" size={10} placeholder="-5.00" />
          <p className="muted small-text">{t("amountHelp")}</p>
          {fieldError("amount")}
        </div>
        <div className="field">
          <label htmlFor="adjustment-currency">{t("currency")}</label>
          <input {...fieldProps("currency")} defaultValue="EUR" size={4} maxLength={3} />
          {fieldError("currency")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="adjustment-reason">{t("reason")}</label>
        <textarea {...fieldProps("reason")} rows={2} />
        {fieldError("reason")}
      </div>
      {periodProblem && (
        <p role="alert" className="error">
          {periodProblem}
        </p>
      )}
      {formProblem && (
        <p role="alert" className="error">
          {formProblem}
        </p>
      )}
      {added && <p role="status">{t("added")}</p>}
      <div>
        <button type="submit" disabled={!hydrated || add.isPending}>
          {add.isPending ? t("adding") : t("addAdjustment")}
        </button>
      </div>
    </form>
  );
}
