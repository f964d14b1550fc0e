"use client";
// Picks campaign, language (only the annotator's) and category, creates the draft and opens the editor.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { CategoryOptions, LanguageOptions } from "@/components/writing/vocabulary-options";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { createDraft } from "@/lib/http/operations/items";
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";

export function NewItemForm({ campaigns, languages }: { campaigns: CampaignView[]; languages: ItemLanguage[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [campaignId, setCampaignId] = useState(campaigns[0]!.id);
  const describeError = useErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const hydrated = useHydrated();
  const campaign = campaigns.find((entry) => entry.id === campaignId)!;
  const usable = campaign.languages.filter((language) => languages.includes(language));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    try {
      // The menus offer only the vocabulary's values; the server checks them all the same.
      const draft = await callOperation(createDraft, {
        body: { campaignId, language: String(form.get("language")) as ItemLanguage, category: String(form.get("category")) as ItemCategory },
      });
      router.push(`/work/items/${draft.id}`);
    } catch (failure) {
      setError(describeError(failure).text);
    }
  }

  return (
    <form className="stack" onSubmit={onSubmit}>
      {campaigns.length > 1 ? (
        <label>
          {t("items.campaign")}
          <select value={campaignId} onChange={(event) => setCampaignId(event.target.value)}>
            {campaigns.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        // One open campaign: nothing to choose, but say where the item goes.
        <p>
          {t("items.campaign")}: <strong>{campaign.name}</strong>
        </p>
      )}
      <label>
        {t("items.language")}
        <select name="language" required>
          <LanguageOptions languages={usable} />
        </select>
      </label>
      <label>
        {t("items.category")}
        <select name="category" required>
          <CategoryOptions categories={campaign.categories} />
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={usable.length === 0 || !hydrated}>
        {t("items.start")}
      </button>
    </form>
  );
}
