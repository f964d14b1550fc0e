"use client";
// The fields a campaign is created with and later edited by (name, approvals, pay, description, languages,
// categories), with the same rules and each server problem under its field, for both forms; and their reading.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ProblemField, type FormProblems } from "@/components/errors/use-form-problems";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

export interface CampaignFieldValues {
  name: string;
  description: string;
  approvalsRequired: number;
  ratePerApprovedItem: string;
  currency: string;
  languages: readonly ItemLanguage[];
  categories: readonly ItemCategory[];
}

/** The fields' names as the server names them, so the forms' summaries leave out what sits beside a field. */
export const CAMPAIGN_FIELD_NAMES = ["name", "description", "approvalsRequired", "ratePerApprovedItem", "currency", "languages", "categories"] as const;

/** What the form holds for these fields, as the API takes them (the server checks them all the same). */
export function readCampaignFields(form: FormData): Omit<CampaignFieldValues, "approvalsRequired" | "languages" | "categories"> & {
  approvalsRequired: 1 | 2;
  languages: ItemLanguage[];
  categories: ItemCategory[];
} {
  const text = (name: string) => String(form.get(name) ?? "");
  return {
    name: text("name"),
    description: text("description"),
    approvalsRequired: text("approvalsRequired") === "2" ? 2 : 1,
    ratePerApprovedItem: text("ratePerApprovedItem").trim(),
    currency: text("currency").trim(),
    // The form offers only the vocabulary's values.
    languages: form.getAll("languages").map(String) as ItemLanguage[],
    categories: form.getAll("categories").map(String) as ItemCategory[],
  };
}

/**
 * `beside` joins the first row (the create form's short name, the settings' status); `rateNote` is the id of a note
 * the rate is described by.
 */
export function CampaignFields({ values, problems, beside, rateNote }: { values: CampaignFieldValues; problems: FormProblems; beside?: ReactNode; rateNote?: string }) {
  const t = useTranslations();
  const field = problems.field;
  const languages = field("languages");
  const categories = field("categories");
  return (
    <>
      <div className="row">
        <ProblemField label={t("campaigns.name")} placed={field("name")}>
          {(attributes) => <input name="name" required maxLength={120} defaultValue={values.name} {...attributes} />}
        </ProblemField>
        {beside}
        <ProblemField label={t("campaigns.approvalsRequired")} placed={field("approvalsRequired")}>
          {(attributes) => (
            <select name="approvalsRequired" defaultValue={String(values.approvalsRequired)} {...attributes}>
              <option value="1">1</option>
              <option value="2">2</option>
            </select>
          )}
        </ProblemField>
        <ProblemField label={t("campaigns.rate")} placed={field("ratePerApprovedItem")}>
          {(attributes) => (
            <input
              name="ratePerApprovedItem"
              inputMode="decimal"
              required
              defaultValue={values.ratePerApprovedItem}
              {...attributes}
              aria-describedby={[rateNote, attributes["aria-describedby"]].filter(Boolean).join(" ") || undefined}
            />
          )}
        </ProblemField>
        <ProblemField label={t("campaigns.currency")} placed={field("currency")}>
          {(attributes) => <input name="currency" required maxLength={3} size={4} defaultValue={values.currency} {...attributes} />}
        </ProblemField>
      </div>
      <ProblemField label={t("campaigns.description")} placed={field("description")}>
        {(attributes) => <textarea name="description" rows={2} defaultValue={values.description} {...attributes} />}
      </ProblemField>
      <fieldset id={languages.id} aria-invalid={languages.attributes["aria-invalid"]} aria-describedby={languages.attributes["aria-describedby"]} tabIndex={-1}>
        <legend>{t("campaigns.languages")}</legend>
        {ITEM_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" name="languages" value={language} defaultChecked={values.languages.includes(language)} /> {t(`languages.${language}`)}
          </label>
        ))}
        {languages.line}
      </fieldset>
      <fieldset id={categories.id} aria-invalid={categories.attributes["aria-invalid"]} aria-describedby={categories.attributes["aria-describedby"]} tabIndex={-1}>
        <legend>{t("campaigns.categories")}</legend>
        {ITEM_CATEGORIES.map((category) => (
          <label key={category} className="inline">
            <input type="checkbox" name="categories" value={category} defaultChecked={values.categories.includes(category)} /> {t(`categories.${category}`)}
          </label>
        ))}
        {categories.line}
      </fieldset>
    </>
  );
}
