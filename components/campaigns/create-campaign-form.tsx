"use client";
// Maintainers open a campaign: languages, categories, approvals required and pay per approved item.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ApiRequestError, callApi } from "@/components/api-client";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";

export function CreateCampaignForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const create = useMutation({
    mutationFn: (input: unknown) => callApi<CampaignView>("/api/v1/campaigns", { method: "POST", body: input }),
    onSuccess: () => {
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(false);
    create.mutate({
      slug: String(form.get("slug") ?? ""),
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      languages: form.getAll("languages").map(String),
      categories: form.getAll("categories").map(String),
      approvalsRequired: Number(form.get("approvalsRequired") ?? 1),
      ratePerApprovedItem: String(form.get("rate") ?? "0"),
      currency: String(form.get("currency") ?? "EUR"),
    });
  }

  const failure = create.error instanceof ApiRequestError ? create.error.failure : null;
  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t("campaigns.create")}>
      <h2>{t("campaigns.create")}</h2>
      <div className="row">
        <label>
          {t("campaigns.name")}
          <input name="name" required maxLength={120} />
        </label>
        <label>
          {t("campaigns.slug")}
          <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={60} />
        </label>
        <label>
          {t("campaigns.approvalsRequired")}
          <select name="approvalsRequired" defaultValue="1">
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <label>
          {t("campaigns.rate")}
          <input name="rate" inputMode="decimal" defaultValue="0.00" />
        </label>
        <label>
          {t("campaigns.currency")}
          <input name="currency" defaultValue="EUR" maxLength={3} size={4} />
        </label>
      </div>
      <label>
        {t("campaigns.description")}
        <textarea name="description" rows={2} />
      </label>
      <fieldset>
        <legend>{t("campaigns.languages")}</legend>
        {ITEM_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" name="languages" value={language} defaultChecked /> {t(`languages.${language}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("campaigns.categories")}</legend>
        {ITEM_CATEGORIES.map((category) => (
          <label key={category} className="inline">
            <input type="checkbox" name="categories" value={category} defaultChecked /> {t(`categories.${category}`)}
          </label>
        ))}
      </fieldset>
      {failure && (
        <p role="alert" className="error">
          {failure.fields.length > 0
            ? failure.fields.map((problem) => t("errors.fieldInvalid", problem)).join("; ")
            : failure.message}
        </p>
      )}
      {done && <p role="status">{t("campaigns.created")}</p>}
      <button type="submit" disabled={create.isPending}>
        {t("campaigns.create")}
      </button>
    </form>
  );
}
