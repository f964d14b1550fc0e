"use client";
// Maintainers' account administration: create accounts, change role and languages, deactivate or reactivate.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import * as userOperations from "@/lib/http/operations/users";
import { ITEM_LANGUAGES, type ItemLanguage, ROLES, type Role } from "@/lib/vocabulary";
import { MIN_PASSWORD_LENGTH, type CreateUserInput, type UserView } from "@/lib/users/schemas";
import { TableRegion } from "@/components/layout/table-region";

const USERS_KEY = ["users"] as const;

function CreateUserForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const [createdEmail, setCreatedEmail] = useState<string | null>(null);
  // The server judges strength (its dictionaries are megabytes); the form states the rule and counts the length.
  const [passwordLength, setPasswordLength] = useState(0);
  const missingCharacters = MIN_PASSWORD_LENGTH - passwordLength;
  const create = useMutation({
    mutationFn: (input: CreateUserInput) => callOperation(userOperations.createUser, { body: input }),
    onSuccess: (user) => {
      setCreatedEmail(user.email);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });

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
        <label>
          {t("users.email")}
          <input name="email" type="email" required />
        </label>
        <label>
          {t("users.name")}
          <input name="name" required />
        </label>
        <label>
          {t("users.role")}
          <select name="role" defaultValue="annotator">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("users.password")}
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            aria-describedby="new-password-rule"
            onChange={(event) => setPasswordLength(event.target.value.length)}
          />
        </label>
      </div>
      <p id="new-password-rule" className="muted small-text">
        {t("passwordRule.hint", { min: MIN_PASSWORD_LENGTH })}{" "}
        <span aria-live="polite" data-testid="new-password-length">
          {passwordLength > 0 && missingCharacters > 0 ? t("passwordRule.tooShort", { missing: missingCharacters }) : ""}
        </span>
      </p>
      <fieldset>
        <legend>{t("users.languages")}</legend>
        {ITEM_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" name="languages" value={language} /> {t(`languages.${language}`)}
          </label>
        ))}
      </fieldset>
      {create.error && (
        <p role="alert" className="error">
          {describeError(create.error).text}
        </p>
      )}
      {createdEmail && <p role="status">{t("users.created", { email: createdEmail })}</p>}
      <button type="submit" disabled={create.isPending}>
        {create.isPending ? t("users.creating") : t("users.create")}
      </button>
    </form>
  );
}

function UserRow({ user, isViewer }: { user: UserView; isViewer: boolean }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const [languages, setLanguages] = useState<ItemLanguage[]>(user.languages);
  const update = useMutation({
    mutationFn: (changes: Partial<Pick<UserView, "role" | "languages" | "active">>) =>
      callOperation(userOperations.updateUser, { params: { userId: user.id }, body: changes }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
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
          aria-label={`${t("users.role")} ${user.email}`}
          value={user.role}
          disabled={isViewer || update.isPending}
          onChange={(event) => update.mutate({ role: event.target.value as Role })}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
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
          <button
            type="button"
            className="small"
            disabled={update.isPending}
            onClick={() => update.mutate({ active: !user.active })}
          >
            {user.active ? t("users.deactivate") : t("users.reactivate")}
          </button>
        )}
        {update.error && (
          <span role="alert" className="error">
            {" "}
            {describeError(update.error).text}
          </span>
        )}
      </td>
    </tr>
  );
}

export function UserAdmin({ viewerId }: { viewerId: string }) {
  const t = useTranslations();
  const users = useQuery({
    queryKey: USERS_KEY,
    queryFn: () => callOperation(userOperations.listUsers).then((result) => result.users),
  });
  return (
    <div className="stack-large">
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
