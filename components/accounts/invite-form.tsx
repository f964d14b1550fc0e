"use client";
// Maintainers invite someone by e-mail with a role and languages; the one-time link is shown to copy, whether or
// not it was e-mailed.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { LanguageCheckboxes, RoleSelect } from "@/components/users/access-fields";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import type { InviteUserInput } from "@/lib/accounts/schemas";
import * as accountOperations from "@/lib/http/operations/accounts";
import type { ItemLanguage, Role } from "@/lib/vocabulary";

export function InviteForm({ invitationDays }: { invitationDays: number }) {
  const t = useTranslations();
  const describeError = useErrorMessage();
  const [copied, setCopied] = useState(false);
  const invite = useMutation({
    mutationFn: (input: InviteUserInput) => callOperation(accountOperations.inviteUser, { body: input }),
  });
  const failure = invite.error ? describeError(invite.error) : null;
  const emailProblem = fieldErrorText(failure, "email");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCopied(false);
    invite.mutate({
      email: String(form.get("email") ?? ""),
      // The form offers only the vocabulary's values; the server checks them all the same.
      role: String(form.get("role") ?? "annotator") as Role,
      languages: form.getAll("languages").map(String) as ItemLanguage[],
    });
  }

  const invitation = invite.data;
  return (
    <form className="card stack" onSubmit={onSubmit} aria-labelledby="invite-title" noValidate>
      <h2 id="invite-title">{t("accounts.inviteTitle")}</h2>
      <p className="muted">{t("accounts.inviteHelp", { days: invitationDays })}</p>
      <div className="row">
        <div className="field">
          <label>
            {t("users.email")}
            <input name="email" type="email" required {...problemAttributes("invite-email-problem", emailProblem)} />
          </label>
          <FieldProblem id="invite-email-problem" problem={emailProblem} />
        </div>
        <RoleSelect />
      </div>
      <LanguageCheckboxes />
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["email"])}
        </p>
      )}
      {invitation && (
        <div role="status" className="stack" data-testid="invitation-result">
          <p>
            {t("accounts.invited", { email: invitation.email })}{" "}
            {invitation.emailed ? t("accounts.invitedEmailed") : t("accounts.invitedNotEmailed")}
          </p>
          <label>
            {t("accounts.inviteLink")}
            <input readOnly value={invitation.link} onFocus={(event) => event.target.select()} />
          </label>
          <div className="row">
            <button
              type="button"
              className="secondary"
              onClick={() => void navigator.clipboard?.writeText(invitation.link).then(() => setCopied(true))}
            >
              {t("accounts.copy")}
            </button>
            {copied && <span>{t("accounts.copied")}</span>}
          </div>
        </div>
      )}
      <button type="submit" disabled={invite.isPending}>
        {invite.isPending ? t("accounts.inviting") : t("accounts.invite")}
      </button>
    </form>
  );
}
