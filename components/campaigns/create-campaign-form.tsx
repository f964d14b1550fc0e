"use client";
// Maintainers open a campaign: languages, categories, approvals required and pay per approved item.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { callOperation } from "@/components/api-client";
import { fieldErrorText, summaryBeside } from "@/components/errors/error-message";
import { FieldProblem, problemAttributes } from "@/components/errors/field-problem";
import { useErrorMessage } from "@/components/errors/use-error-message";
import type { createCampaignInputSchema } from "@/lib/campaigns/schemas";
import { createCampaign } from "@/lib/http/operations/campaigns";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";

export function CreateCampaignForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const describeError = useErrorMessage();
  const [done, setDone] = useState(false);
  const create = useMutation({
    mutationFn: (input: z.input<typeof createCampaignInputSchema>) => callOperation(createCampaign, { body: input }),
    onSuccess: () => {
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  const failure = create.error ? describeError(create.error) : null;
  /** The input's attributes and the line under it, for a field the server named. */
  const problemFor = (field: string) => {
    const problem = fieldErrorText(failure, field);
    return { attributes: problemAttributes(`campaign-${field}-problem`, problem), line: <FieldProblem id={`campaign-${field}-problem`} problem={problem} /> };
  };
  const name = problemFor("name");
  const slug = problemFor("slug");
  const rate = problemFor("ratePerApprovedItem");
  const currency = problemFor("currency");
  const description = problemFor("description");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(false);
    create.mutate({
      slug: String(form.get("slug") ?? ""),
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
      // The form offers only the vocabulary's values; the server checks them all the same.
      languages: form.getAll("languages").map(String) as ItemLanguage[],
      categories: form.getAll("categories").map(String) as ItemCategory[],
      approvalsRequired: Number(form.get("approvalsRequired") ?? 1) as 1 | 2,
      ratePerApprovedItem: String(form.get("rate") ?? "0"),
      currency: String(form.get("currency") ?? "EUR"),
    });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t("campaigns.create")}>
      <h2>{t("campaigns.create")}</h2>
      <div className="row">
        <div className="field">
          <label>
            {t("campaigns.name")}
            <input name="name" required maxLength={120} {...name.attributes} />
          </label>
          {name.line}
        </div>
        <div className="field">
          <label>
            {t("campaigns.slug")}
            <input
              name="slug"
              required
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              maxLength={60}
              {...slug.attributes}
              aria-describedby={["campaign-slug-rule", slug.attributes["aria-describedby"]].filter(Boolean).join(" ")}
              // The browser's own message for a pattern mismatch says nothing about the rule; this one does.
              onInvalid={(event) => event.currentTarget.setCustomValidity(t("campaignForm.slugRule"))}
              onInput={(event) => event.currentTarget.setCustomValidity("")}
            />
          </label>
          {/* Outside the label, so that the field's name stays the label's words and the rule is its description. */}
          <span id="campaign-slug-rule" className="muted small-text">
            {t("campaignForm.slugRule")}
          </span>
          {slug.line}
        </div>
        <label>
          {t("campaigns.approvalsRequired")}
          <select name="approvalsRequired" defaultValue="1">
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <div className="field">
          <label>
            {t("campaigns.rate")}
            <input name="rate" inputMode="decimal" defaultValue="0.00" {...rate.attributes} />
          </label>
          {rate.line}
        </div>
        <div className="field">
          <label>
            {t("campaigns.currency")}
            <input name="currency" defaultValue="EUR" maxLength={3} size={4} {...currency.attributes} />
          </label>
          {currency.line}
        </div>
      </div>
      <div className="field">
        <label>
          {t("campaigns.description")}
          <textarea name="description" rows={2} {...description.attributes} />
        </label>
        {description.line}
      </div>
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
          {summaryBeside(failure, ["name", "slug", "ratePerApprovedItem", "currency", "description"])}
        </p>
      )}
      {done && <p role="status">{t("campaigns.created")}</p>}
      <button type="submit" disabled={create.isPending}>
        {t("campaigns.create")}
      </button>
    </form>
  );
}
