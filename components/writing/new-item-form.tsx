"use client";
// Picks campaign, language (only the annotator's) and category, creates the draft and opens the editor. It starts on
// the most needed cell of the writer's languages and lists the others, most needed first (see rank-cells-to-steer).
// A full quota cell is explained here: under hard quotas the draft is refused, under soft ones it is created with a
// warning shown before the editor opens.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { SteeringChoices, type CellChoice, type PresentedSteeringCell } from "@/components/writing/steering-choices";
import { CategoryOptions, LanguageOptions } from "@/components/writing/vocabulary-options";
import type { CampaignView } from "@/lib/campaigns/schemas";
import { createDraft } from "@/lib/http/operations/items";
import type { CreatedDraftView } from "@/lib/items/schemas";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";
import { CampaignOptions } from "@/components/campaigns/campaign-options";

/** The most needed cell of a campaign (or of all), else the campaign's first language and category. */
function startingCell(campaigns: CampaignView[], languages: ItemLanguage[], cells: PresentedSteeringCell[], campaignId?: string): CellChoice {
  const best = cells.find((cell) => cell.state !== "full" && (campaignId === undefined || cell.campaignId === campaignId));
  if (best) return best;
  const campaign = campaigns.find((entry) => entry.id === campaignId) ?? campaigns[0]!;
  return {
    campaignId: campaign.id,
    language: campaign.languages.find((language) => languages.includes(language)) ?? "",
    category: campaign.categories[0]!,
  };
}

export function NewItemForm({
  campaigns,
  languages,
  cells,
}: {
  campaigns: CampaignView[];
  languages: ItemLanguage[];
  cells: PresentedSteeringCell[];
}) {
  const t = useTranslations();
  const router = useRouter();
  const [choice, setChoice] = useState<CellChoice>(() => startingCell(campaigns, languages, cells));
  const { campaignId } = choice;
  const [error, setError] = useState<unknown>(null);
  const problems = useFormProblems("new-item", error, ["campaignId", "language", "category"]);
  const field = problems.field;
  const [created, setCreated] = useState<CreatedDraftView | null>(null);
  const hydrated = useHydrated();
  const campaign = campaigns.find((entry) => entry.id === campaignId)!;
  const usable = campaign.languages.filter((language) => languages.includes(language));
  const setCampaignId = (id: string) => setChoice(startingCell(campaigns, languages, cells, id));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setCreated(null);
    try {
      // The menus offer only the vocabulary's values; the server checks them all the same.
      const draft = await callOperation(createDraft, {
        body: { campaignId, language: String(form.get("language")) as ItemLanguage, category: String(form.get("category")) as ItemCategory },
      });
      if (draft.warnings.length > 0) setCreated(draft);
      else router.push(`/work/items/${draft.id}`);
    } catch (failure) {
      setError(failure);
    }
  }

  /** The sentence for a refusal because the cell's hard quota is full, naming the cell. */
  function quotaFullText(failure: ApiRequestError): string | null {
    const details = failure.failure.details;
    if (details?.reason !== "quota_full") return null;
    return t("campaignSetup.quotaFull", cellNames(String(details.language), String(details.category)));
  }

  function cellNames(language: string, category: string) {
    return {
      language: (ITEM_LANGUAGES as readonly string[]).includes(language) ? t(`wording.languageInSentence.${language as ItemLanguage}`) : language,
      category: (ITEM_CATEGORIES as readonly string[]).includes(category) ? t(`categories.${category as ItemCategory}`) : category,
    };
  }

  const quotaFull = error instanceof ApiRequestError ? quotaFullText(error) : null;
  return (
    <form onSubmit={onSubmit}>
      {/* Nothing can be chosen before hydration: React would put the server's choice back into the menus, and the draft
          would start in a cell other than the one shown. */}
      <fieldset className="plain-fieldset stack" disabled={!hydrated}>
        {cells.length > 0 && (
          <SteeringChoices
            cells={cells}
            selected={choice}
            showCampaign={campaigns.length > 1}
            onChoose={(cell) => setChoice({ campaignId: cell.campaignId, language: cell.language, category: cell.category })}
          />
        )}
        {campaigns.length > 1 ? (
          <>
            <label>
              {t("items.campaign")}
              <select name="campaignId" value={campaignId} onChange={(event) => setCampaignId(event.target.value)} {...field("campaignId").attributes}>
                <CampaignOptions campaigns={campaigns} />
              </select>
            </label>
            {field("campaignId").line}
          </>
        ) : (
          // One open campaign: nothing to choose, but say where the item goes.
          <p>
            {t("items.campaign")}: <strong>{campaign.name}</strong>
          </p>
        )}
        <label>
          {t("items.language")}
          <select name="language" required value={choice.language} onChange={(event) => setChoice({ ...choice, language: event.target.value })} {...field("language").attributes}>
            <LanguageOptions languages={usable} />
          </select>
        </label>
        {field("language").line}
        <label>
          {t("items.category")}
          <select
            name="category"
            required
            value={choice.category}
            {...field("category").attributes}
            aria-describedby={["category-description", field("category").attributes["aria-describedby"]].filter(Boolean).join(" ")}
            onChange={(event) => setChoice({ ...choice, category: event.target.value })}
          >
            <CategoryOptions categories={campaign.categories} />
          </select>
        </label>
        {field("category").line}
        <p id="category-description" className="muted" data-testid="category-description">
          {t(`steering.descriptions.${choice.category}`)}
        </p>
        {quotaFull ? (
          <p role="alert" className="error">
            {quotaFull}
          </p>
        ) : (
          <ProblemSummary problems={problems} />
        )}
        {created && (
          <div role="status" className="card stack">
            {created.warnings.map((warning) => (
              <p key={warning.code}>{t("campaignSetup.quotaFullWarning", cellNames(warning.language, warning.category))}</p>
            ))}
            <p>
              <Link className="button-link" href={`/work/items/${created.id}`}>
                {t("campaignSetup.openDraft")}
              </Link>
            </p>
          </div>
        )}
        <button type="submit" disabled={usable.length === 0}>
          {t("items.start")}
        </button>
      </fieldset>
    </form>
  );
}
