"use client";
// Says in the UI language why the server refused a campaign change: the refusals with a reason get a sentence of
// their own naming the languages, categories or currency; others go through the one error mapper (describeError).
import { useFormatter, useTranslations } from "next-intl";
import { ApiRequestError } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";

/** The names the server sent: values of the vocabulary, or nothing when the detail is missing or not a list. */
const asList = <T extends string>(value: unknown, vocabulary: readonly T[]): T[] =>
  Array.isArray(value) ? value.filter((entry): entry is T => vocabulary.includes(entry as T)) : [];

/** The refusal's own sentence when the server gives one of the campaign reasons, else null. */
export function useCampaignReasonText(): (error: unknown) => string | null {
  const t = useTranslations();
  const format = useFormatter();
  const languages = (value: unknown) => format.list(asList(value, ITEM_LANGUAGES).map((language) => t(`languages.${language}`)));
  const categories = (value: unknown) => format.list(asList(value, ITEM_CATEGORIES).map((category) => t(`categories.${category}`)));
  return (error) => {
    if (!(error instanceof ApiRequestError)) return null;
    const details = error.failure.details ?? {};
    switch (details.reason) {
      case "guidelines_missing":
        return t("campaignSetup.guidelinesMissing", { languages: languages(details.languages) });
      case "languages_in_use":
        return t("campaignSetup.languagesInUse", { languages: languages(details.languages) });
      case "categories_in_use":
        return t("campaignSetup.categoriesInUse", { categories: categories(details.categories) });
      case "currency_in_use":
        return t("campaignSetup.currencyInUse", { currency: String(details.currency ?? "") });
    }
    return null;
  };
}

export function useCampaignErrorText(): (error: unknown) => string {
  const reasonText = useCampaignReasonText();
  const describeError = useErrorMessage();
  return (error) => reasonText(error) ?? describeError(error).text;
}
