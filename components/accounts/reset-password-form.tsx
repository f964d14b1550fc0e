"use client";
// A new password through a reset link; every session of the account ends, and the person signs in with it.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { NewPasswordField } from "@/components/accounts/new-password-field";
import { callOperation } from "@/components/api-client";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { useHydrated } from "@/components/use-hydrated";
import * as accountOperations from "@/lib/http/operations/accounts";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("accounts");
  const describeError = useErrorMessage();
  const hydrated = useHydrated();
  const reset = useMutation({
    mutationFn: (password: string) => callOperation(accountOperations.resetPassword, { body: { token, password } }),
    // A full navigation: this browser's own session (if any) has ended too.
    onSuccess: ({ email }) => window.location.assign(`/sign-in?welcome=reset&email=${encodeURIComponent(email)}`),
  });
  const failure = reset.error ? describeError(reset.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reset.mutate(String(new FormData(event.currentTarget).get("password") ?? ""));
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label={t("resetTitle")} noValidate>
      <NewPasswordField label={t("newPassword")} problem={fieldErrorText(failure, "password")} />
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["password"])}
        </p>
      )}
      <button type="submit" disabled={reset.isPending || !hydrated}>
        {reset.isPending ? t("resetting") : t("resetSubmit")}
      </button>
    </form>
  );
}
