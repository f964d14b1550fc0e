"use client";
// Changing one's own password: the current one proves it is them; their other sessions end.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { NewPasswordField } from "@/components/accounts/new-password-field";
import { callOperation } from "@/components/api-client";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { useHydrated } from "@/components/use-hydrated";
import * as accountOperations from "@/lib/http/operations/accounts";

export function ChangePasswordForm() {
  const t = useTranslations("accounts");
  const describeError = useErrorMessage();
  const hydrated = useHydrated();
  const change = useMutation({
    mutationFn: (input: { currentPassword: string; password: string }) => callOperation(accountOperations.changeMyPassword, { body: input }),
  });
  const failure = change.error ? describeError(change.error) : null;
  const currentProblem = fieldErrorText(failure, "currentPassword");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    change.mutate(
      { currentPassword: String(form.get("currentPassword") ?? ""), password: String(form.get("password") ?? "") },
      { onSuccess: () => formElement.reset() },
    );
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-labelledby="change-password-title" noValidate>
      <h2 id="change-password-title">{t("changeTitle")}</h2>
      <div className="field">
        <label>
          {t("currentPassword")}
          <input
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            {...problemAttributes("current-password-problem", currentProblem)}
          />
        </label>
        <FieldProblem id="current-password-problem" problem={currentProblem} />
      </div>
      <NewPasswordField label={t("newPassword")} problem={fieldErrorText(failure, "password")} />
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["currentPassword", "password"])}
        </p>
      )}
      {change.data && <p role="status">{t("changed", { count: change.data.otherSessionsEnded })}</p>}
      <button type="submit" disabled={change.isPending || !hydrated}>
        {change.isPending ? t("changing") : t("changeSubmit")}
      </button>
    </form>
  );
}
