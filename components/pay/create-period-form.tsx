"use client";
// Maintainers create a pay period: label and whole days. The server validates; what it refuses is shown next to the
// field it names, in the reader's language.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { useHydrated } from "@/components/use-hydrated";
import * as pay from "@/lib/http/operations/pay";
import type { CreatePayPeriodInput } from "@/lib/pay/schemas";

type Field = "label" | "startsOn" | "endsOn";

export function CreatePeriodForm({ timeZone }: { timeZone: string }) {
  const t = useTranslations("pay");
  const tRoot = useTranslations();
  const hydrated = useHydrated();
  const router = useRouter();
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: CreatePayPeriodInput) => callOperation(pay.createPayPeriod, { body: input }),
    onSuccess: (period) => {
      setCreated(period.label);
      router.refresh();
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCreated(null);
    create.mutate({ label: String(form.get("label") ?? ""), startsOn: String(form.get("startsOn") ?? ""), endsOn: String(form.get("endsOn") ?? "") });
  }

  const failure = create.error instanceof ApiRequestError ? create.error : null;
  const overlaps = failure?.detail("overlaps", z.string()) ?? null;
  function problemWith(field: Field): string | null {
    const named = failure?.failure.fields.find((problem) => problem.field === field);
    if (!named) return null;
    if (failure!.status === 409) return field === "label" ? t("labelTaken") : overlaps ? t("overlaps", { label: overlaps }) : t("overlapsAnother");
    if (field === "label") return t("labelInvalid");
    if (field === "endsOn" && named.message.includes("startsOn")) return t("endsBeforeStart");
    return t("dateInvalid");
  }
  const formProblem = failure && !(["label", "startsOn", "endsOn"] as Field[]).some(problemWith) ? tRoot("common.error") : null;

  const fieldProps = (field: Field) => {
    const problem = problemWith(field);
    return {
      name: field,
      id: `period-${field}`,
      required: true,
      "aria-invalid": problem ? true : undefined,
      "aria-describedby": problem ? `period-${field}-error` : undefined,
    };
  };
  const fieldError = (field: Field) => {
    const problem = problemWith(field);
    return (
      problem && (
        <p id={`period-${field}-error`} className="error small-text" role="alert">
          {problem}
        </p>
      )
    );
  };

  return (
    <form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="create-period-title">
      <h2 id="create-period-title">{t("createTitle")}</h2>
      <p className="muted small-text">{t("daysHelp", { timeZone })}</p>
      <div className="row pay-form-row">
        <div className="field">
          <label htmlFor="period-label">{t("label")}</label>
          <input {...fieldProps("label")} placeholder="2026-11" size={12} maxLength={40} />
          {fieldError("label")}
        </div>
        <div className="field">
          <label htmlFor="period-startsOn">{t("startsOn")}</label>
          <input {...fieldProps("startsOn")} type="date" />
          {fieldError("startsOn")}
        </div>
        <div className="field">
          <label htmlFor="period-endsOn">{t("endsOn")}</label>
          <input {...fieldProps("endsOn")} type="date" />
          {fieldError("endsOn")}
        </div>
      </div>
      {formProblem && (
        <p role="alert" className="error">
          {formProblem}
        </p>
      )}
      {created && <p role="status">{t("created", { label: created })}</p>}
      <div>
        <button type="submit" disabled={!hydrated || create.isPending}>
          {create.isPending ? t("creating") : t("create")}
        </button>
      </div>
    </form>
  );
}
