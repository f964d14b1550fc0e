"use client";
// Maintainers' account administration: create accounts, change role and languages, deactivate or reactivate.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { InviteForm } from "@/components/accounts/invite-form";
import { NewPasswordField } from "@/components/accounts/new-password-field";
import { callOperation } from "@/components/api-client";
import { LanguageCheckboxes, RoleSelect } from "@/components/users/access-fields";
import { ConfirmedAction, ConfirmPanel } from "@/components/confirmed-action";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import * as userOperations from "@/lib/http/operations/users";
import { ITEM_LANGUAGES, type ItemLanguage, ROLES, type Role } from "@/lib/vocabulary";
import type { CreateUserInput, UserView } from "@/lib/users/schemas";
import { TableRegion } from "@/components/layout/table-region";

const USERS_KEY = ["users"] as const;

function CreateUserForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (input: CreateUserInput) => callOperation(userOperations.createUser, { body: input }),
    onSuccess: (user) => {
      setCreatedEmail(user.email);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const failure = create.error ? describeError(create.error) : null;
  const problemOf = (field: string) => fieldErrorText(failure, field);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setCreatedEmail(null);
    create.mutate({
      email: String(form.get("email") ?? ""),
      name: String(form.get("name") ?? ""),
      // The form offers only the vocabulary's values; the server checks them all the same.
      role: String(form.get("role") ?? "annotator") as Role,
      languages: form.getAll("languages").map(String) as ItemLanguage[],
      password: String(form.get("password") ?? ""),
    });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t("users.create")}>
      <h2>{t("users.create")}</h2>
      <div className="row">
        <div className="field">
          <label>
            {t("users.email")}
            <input name="email" type="email" required {...problemAttributes("create-email-problem", problemOf("email"))} />
          </label>
          <FieldProblem id="create-email-problem" problem={problemOf("email")} />
        </div>
        <div className="field">
          <label>
            {t("users.name")}
            <input name="name" required {...problemAttributes("create-name-problem", problemOf("name"))} />
          </label>
          <FieldProblem id="create-name-problem" problem={problemOf("name")} />
        </div>
        <RoleSelect />
      </div>
      <NewPasswordField label={t("users.password")} problem={problemOf("password")} />
      <LanguageCheckboxes />
      {failure && (
        <p role="alert" className="error">
          {summaryBeside(failure, ["email", "name", "password"])}
        </p>
      )}
      {createdEmail && <p role="status">{t("users.created", { email: createdEmail })}</p>}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t("users.creating") : t("users.create")}
      </button>
    </form>
  );
}

type UserChange = Partial<Pick<UserView, "role" | "languages" | "active">>;

/** What a change did, in words, once the server has made it. */
function useChangeResult() {
  const t = useTranslations();
  return (user: UserView, changes: UserChange) => {
    if (changes.role) return t("adminConfirm.roleChanged", { email: user.email, role: t(`roles.${user.role}`) });
    if (changes.active === false) return t("adminConfirm.deactivated", { email: user.email });
    if (changes.active === true) return t("adminConfirm.reactivated", { email: user.email });
    return t("adminConfirm.languagesSaved", { email: user.email });
  };
}

function UserRow({ user, isViewer }: { user: UserView; isViewer: boolean }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const describeResult = useChangeResult();
  const [languages, setLanguages] = useState<ItemLanguage[]>(user.languages);
  // A role chosen in the menu waits here until confirmed; the menu keeps showing the current role meanwhile.
  const [proposedRole, setProposedRole] = useState<Role | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const update = useMutation({
    mutationFn: (changes: UserChange) => callOperation(userOperations.updateUser, { params: { userId: user.id }, body: changes }),
    onMutate: () => setResult(null),
    onSuccess: (updated, changes) => {
      setProposedRole(null);
      setResult(describeResult(updated, changes));
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const failure = update.error ? describeError(update.error).text : null;
  const toggle = (language: ItemLanguage) =>
    setLanguages((current) =>
      current.includes(language) ? current.filter((entry) => entry !== language) : [...current, language].sort(),
    );

  return (
    <tr data-testid={`user-row-${user.email}`}>
      <td>
        {user.email}
        {isViewer && <span className="muted"> ({t("users.you")})</span>}
      </td>
      <td>{user.name}</td>
      <td>
        <select
          aria-label={t("uiLabels.roleOf", { email: user.email })}
          value={user.role}
          disabled={isViewer || update.isPending || proposedRole !== null}
          onChange={(event) => {
            update.reset();
            setProposedRole(event.target.value as Role);
          }}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
        {proposedRole && (
          <ConfirmPanel
            id={`role-question-${user.id}`}
            question={t("adminConfirm.roleQuestion", {
              email: user.email,
              from: t(`roles.${user.role}`),
              to: t(`roles.${proposedRole}`),
            })}
            confirmLabel={t("adminConfirm.roleConfirm")}
            pending={update.isPending}
            onConfirm={() => update.mutate({ role: proposedRole })}
            onCancel={() => {
              update.reset();
              setProposedRole(null);
            }}
            failure={failure}
            danger
            small
          />
        )}
      </td>
      <td>
        {ITEM_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" checked={languages.includes(language)} onChange={() => toggle(language)} />
            {language}
          </label>
        ))}
        <button type="button" className="small" disabled={update.isPending} onClick={() => update.mutate({ languages })}>
          {t("users.saveLanguages")}
        </button>
      </td>
      <td>
        {user.active ? t("users.active") : t("users.inactive")}{" "}
        {!isViewer && (
          <ConfirmedAction
            key={String(user.active)}
            id={`access-question-${user.id}`}
            label={user.active ? t("users.deactivate") : t("users.reactivate")}
            question={t(user.active ? "adminConfirm.deactivateQuestion" : "adminConfirm.reactivateQuestion", { email: user.email })}
            confirmLabel={user.active ? t("users.deactivate") : t("users.reactivate")}
            pending={update.isPending}
            onConfirm={() => update.mutate({ active: !user.active })}
            danger={user.active}
            small
          />
        )}
        {result && (
          <p role="status" className="small-text">
            {result}
          </p>
        )}
        {failure && !proposedRole && (
          <p role="alert" className="error small-text">
            {failure}
          </p>
        )}
      </td>
    </tr>
  );
}

export function UserAdmin({ viewerId, invitationDays }: { viewerId: string; invitationDays: number }) {
  const t = useTranslations();
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => callOperation(userOperations.listUsers).then((result) => result.users),
  });
  return (
    <div className="stack-large">
      <InviteForm invitationDays={invitationDays} />
      <CreateUserForm />
      {users.isPending && <p>{t("common.loading")}</p>}
      {users.error && <p className="error">{t("common.error")}</p>}
      {users.data && (
        <TableRegion label={t("users.title")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.languages")}</th>
                <th scope="col">{t("users.status")}</th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <UserRow key={`${user.id}-${user.languages.join()}`} user={user} isViewer={user.id === viewerId} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
