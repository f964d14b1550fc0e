"use client";
// Maintainers change a campaign's settings after creating it. Rates travel as the text typed (the server checks them
// and stores them as decimals); the form says that a new rate pays only what is approved from then on.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { useCampaignErrorText } from "@/components/campaigns/campaign-error-text";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";
import { CAMPAIGN_STATUSES, QUOTA_MODES, type CampaignChangesInput, type CampaignView } from "@/lib/campaigns/schemas";
import { updateCampaign } from "@/lib/http/operations/campaigns";
import { ITEM_CATEGORIES, ITEM_LANGUAGES, type ItemCategory, type ItemLanguage } from "@/lib/vocabulary";

export function CampaignSettingsForm({ campaign }: { campaign: CampaignView }) {
  const t = useTranslations();
  const errorText = useCampaignErrorText();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: CampaignChangesInput) =>
      callOperation(updateCampaign, { params: { campaignId: campaign.id }, body }),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    setSaved(false);
    save.mutate({
      name: text("name"),
      description: text("description"),
      status: text("status") as CampaignView["status"],
      languages: form.getAll("languages").map(String) as ItemLanguage[],
      categories: form.getAll("categories").map(String) as ItemCategory[],
      approvalsRequired: text("approvalsRequired") === "2" ? 2 : 1,
      ratePerApprovedItem: text("ratePerApprovedItem").trim(),
      ratePerReview: text("ratePerReview").trim() === "" ? null : text("ratePerReview").trim(),
      currency: text("currency").trim(),
      quotaMode: text("quotaMode") as CampaignView["quotaMode"],
      goldRate: Number(text("goldRate")),
      secondReviewRate: Number(text("secondReviewRate")),
      // Sent as typed: an empty or odd value is refused by the server, naming the threshold.
      evidenceThresholds: {
        pastedPercent: Number(text("pastedPercent")),
        insertedPercent: Number(text("insertedPercent")),
        charsPerMinute: Number(text("charsPerMinute")),
        awayInsertions: Number(text("awayInsertions")),
      },
    });
  }

  const id = (name: string) => `${campaign.slug}-${name}`;
  return (
    <form className="stack campaign-settings" onSubmit={onSubmit} aria-label={t("campaignSetup.settings")}>
      <h3>{t("campaignSetup.settings")}</h3>
      <div className="row">
        <label>
          {t("campaigns.name")}
          <input name="name" required maxLength={120} defaultValue={campaign.name} />
        </label>
        <label>
          {t("campaigns.status")}
          <select name="status" defaultValue={campaign.status}>
            {CAMPAIGN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`campaigns.statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("campaigns.approvalsRequired")}
          <select name="approvalsRequired" defaultValue={String(campaign.approvalsRequired)}>
            <option value="1">1</option>
            <option value="2">2</option>
          </select>
        </label>
        <label>
          {t("campaignSetup.quotaMode")}
          <select name="quotaMode" defaultValue={campaign.quotaMode}>
            {QUOTA_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`campaignSetup.quotaModes.${mode}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row">
        <label>
          {t("reviewQuality.goldRate")}
          <input name="goldRate" type="number" min={0} max={50} step={1} required defaultValue={campaign.goldRate} />
        </label>
        <label>
          {t("reviewQuality.secondReviewRate")}
          <input name="secondReviewRate" type="number" min={0} max={50} step={1} required defaultValue={campaign.secondReviewRate} />
        </label>
      </div>
      <label>
        {t("campaigns.description")}
        <textarea name="description" rows={2} defaultValue={campaign.description} />
      </label>
      <div className="row">
        <label>
          {t("campaigns.rate")}
          <input name="ratePerApprovedItem" inputMode="decimal" required defaultValue={campaign.ratePerApprovedItem} aria-describedby={id("rate-note")} />
        </label>
        <label>
          {t("campaignSetup.ratePerReview")}
          <input name="ratePerReview" inputMode="decimal" defaultValue={campaign.ratePerReview ?? ""} aria-describedby={id("rate-note")} />
        </label>
        <label>
          {t("campaigns.currency")}
          <input name="currency" required maxLength={3} size={4} defaultValue={campaign.currency} />
        </label>
      </div>
      <p className="campaign-note small-text" id={id("rate-note")}>
        {t("campaignSetup.rateNote")}
      </p>
      <fieldset>
        <legend>{t("campaigns.languages")}</legend>
        {ITEM_LANGUAGES.map((language) => (
          <label key={language} className="inline">
            <input type="checkbox" name="languages" value={language} defaultChecked={campaign.languages.includes(language)} />{" "}
            {t(`languages.${language}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("campaigns.categories")}</legend>
        {ITEM_CATEGORIES.map((category) => (
          <label key={category} className="inline">
            <input type="checkbox" name="categories" value={category} defaultChecked={campaign.categories.includes(category)} />{" "}
            {t(`categories.${category}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t("provenance.thresholds.legend")}</legend>
        <p className="campaign-note small-text">{t("provenance.thresholds.note")}</p>
        <div className="row">
          {(["pastedPercent", "insertedPercent", "charsPerMinute", "awayInsertions"] as const).map((threshold) => (
            <label key={threshold}>
              {t(`provenance.thresholds.${threshold}`)}
              <input name={threshold} type="number" inputMode="numeric" required min={1} size={6} defaultValue={campaign.evidenceThresholds[threshold]} />
            </label>
          ))}
        </div>
      </fieldset>
      <p className="muted small-text">{t("campaignSetup.lockedNote")}</p>
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
      {saved && <p role="status">{t("campaignSetup.saved")}</p>}
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("campaignSetup.save")}
        </button>
      </div>
    </form>
  );
}
