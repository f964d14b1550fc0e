"use client";
// Personal API tokens: create (the secret is shown once), list, revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { callOperation } from "@/components/api-client";
import * as tokenOperations from "@/lib/http/operations/api-tokens";

const TOKENS_KEY = ["api-tokens"] as const;

export function ApiTokensPanel() {
  const t = useTranslations("settings");
  // Through the global Intl when it formats, so the locale data LocaleDataGate installs (Basque, Galician) is used.
  const format = useFigureFormat();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const hydrated = useHydrated();
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: () => callOperation(tokenOperations.listMyApiTokens).then((result) => result.tokens),
  });
  const create = useMutation({
    mutationFn: (name: string) => callOperation(tokenOperations.createMyApiToken, { body: { name } }),
    onSuccess: (created) => {
      setSecret(created.token);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) => callOperation(tokenOperations.revokeApiToken, { params: { tokenId } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    create.mutate(String(new FormData(form).get("name") ?? ""), { onSuccess: () => form.reset() });
  }

  return (
    <div>
      <h2>{t("tokensTitle")}</h2>
      <p className="muted">{t("tokensHelp")}</p>
      <form className="row" onSubmit={onSubmit}>
        <label>
          {t("tokenName")}
          <input name="name" required maxLength={80} />
        </label>
        <button type="submit" disabled={create.isPending || !hydrated}>
          {t("createToken")}
        </button>
      </form>
      {secret && (
        <p role="status" className="card">
          {t("tokenCreated")} <code data-testid="new-token">{secret}</code>
        </p>
      )}
      {tokens.data && tokens.data.length === 0 && <p>{t("noTokens")}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <ul className="plain-list">
          {tokens.data.map((token) => (
            <li key={token.id}>
              <strong>{token.name}</strong> <code>{token.prefix}…</code>{" "}
              <span className="muted">
                {t("created")} {format.dateTime(new Date(token.createdAt), { dateStyle: "medium" })} · {t("lastUsed")}{" "}
                {token.lastUsedAt ? format.dateTime(new Date(token.lastUsedAt), { dateStyle: "medium", timeStyle: "short" }) : t("never")}
              </span>{" "}
              {token.revokedAt ? (
                <span>{t("revoked")}</span>
              ) : (
                <button type="button" className="small" onClick={() => revoke.mutate(token.id)}>
                  {t("revoke")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
