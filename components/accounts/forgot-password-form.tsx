"use client";
// "Forgot password": asks for a reset link; the answer is the same whether or not the address has an account.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { useHydrated } from "@/components/use-hydrated";
import * as accountOperations from "@/lib/http/operations/accounts";

export function ForgotPasswordForm({ resetMinutes }: { resetMinutes: number }) {
  const t = useTranslations("accounts");
  const describeError = useErrorMessage();
  const hydrated = useHydrated();
  const request = useMutation({
    mutationFn: (email: string) => callOperation(accountOperations.requestPasswordReset, { body: { email } }).then(() => email),
  });
  const failure = request.error ? describeError(request.error) : null;
  const emailProblem = fieldErrorText(failure, "email");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    request.mutate(String(new FormData(event.currentTarget).get("email") ?? ""));
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label={t("forgotTitle")} noValidate>
      <div className="field">
        <label>
          {t("forgotEmail")}
          <input name="email" type="email" autoComplete="username" required {...problemAttributes("forgot-email-problem", emailProblem)} />
        </label>
        <FieldProblem id="forgot-email-problem" problem={emailProblem} />
      </div>
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["email"])}
        </p>
      )}
      {request.data && (
        <p role="status" className="card">
          {t("forgotSent", { email: request.data, minutes: resetMinutes })}
        </p>
      )}
      <button type="submit" disabled={request.isPending || !hydrated}>
        {request.isPending ? t("forgotSending") : t("forgotSubmit")}
      </button>
    </form>
  );
}
