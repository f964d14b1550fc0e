"use client";
// The invitee chooses their name and password; then they sign in with them.
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

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("accounts");
  const describeError = useErrorMessage();
  const hydrated = useHydrated();
  const accept = useMutation({
    mutationFn: (input: { name: string; password: string }) =>
      callOperation(accountOperations.acceptInvitation, { body: { token, ...input } }),
    onSuccess: ({ email }) => window.location.assign(`/sign-in?welcome=invitation&email=${encodeURIComponent(email)}`),
  });
  const failure = accept.error ? describeError(accept.error) : null;
  const nameProblem = fieldErrorText(failure, "name");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    accept.mutate({ name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") });
  }

  return (
    <form className="stack" onSubmit={onSubmit} aria-label={t("acceptTitle")} noValidate>
      <div className="field">
        <label>
          {t("yourName")}
          <input name="name" autoComplete="name" required {...problemAttributes("accept-name-problem", nameProblem)} />
        </label>
        <FieldProblem id="accept-name-problem" problem={nameProblem} />
      </div>
      <NewPasswordField label={t("newPassword")} problem={fieldErrorText(failure, "password")} />
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["name", "password"])}
        </p>
      )}
      <button type="submit" disabled={accept.isPending || !hydrated}>
        {accept.isPending ? t("accepting") : t("acceptSubmit")}
      </button>
    </form>
  );
}
