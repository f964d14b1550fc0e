"use client";
// Maintainers change a campaign's settings after creating it: the fields it was created with (campaign-fields.tsx),
// its status, quota mode, review sampling, pay per review and authorship thresholds. Rates travel as the text typed
// (the server checks them and stores them as decimals); the form says that a new rate pays only what is approved
// from then on.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { useCampaignReasonText } from "@/components/campaigns/campaign-error-text";
import { CAMPAIGN_FIELD_NAMES, CampaignFields, readCampaignFields } from "@/components/campaigns/campaign-fields";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { CAMPAIGN_STATUSES, QUOTA_MODES, type CampaignChangesInput, type CampaignView } from "@/lib/campaigns/schemas";
import { updateCampaign } from "@/lib/http/operations/campaigns";

const THRESHOLDS = ["pastedPercent", "insertedPercent", "charsPerMinute", "awayInsertions"] as const;
const PLACED = [...CAMPAIGN_FIELD_NAMES, "status", "quotaMode", "goldRate", "secondReviewRate", "ratePerReview", ...THRESHOLDS.map((name) => `evidenceThresholds.${name}`)];

export function CampaignSettingsForm({ campaign }: { campaign: CampaignView }) {
  const t = useTranslations();
  const reasonText = useCampaignReasonText();
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
  const problems = useFormProblems(`settings-${campaign.slug}`, save.error, PLACED);
  const field = problems.field;
  const reason = save.error ? reasonText(save.error) : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    setSaved(false);
    save.mutate({
      ...readCampaignFields(form),
      status: text("status") as CampaignView["status"],
      ratePerReview: text("ratePerReview").trim() === "" ? null : text("ratePerReview").trim(),
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

  const rateNote = `${campaign.slug}-rate-note`;
  /** A field of this form only: its label, its input and its problem under it. */
  const own = (name: string, label: string, input: (attributes: ReturnType<typeof field>["attributes"]) => React.ReactNode) => (
    <ProblemField label={label} placed={field(name)}>
      {input}
    </ProblemField>
  );
  return (
    <form className="stack campaign-settings" onSubmit={onSubmit} aria-label={t("campaignSetup.settings")}>
      <h3>{t("campaignSetup.settings")}</h3>
      <CampaignFields
        values={campaign}
        problems={problems}
        rateNote={rateNote}
        beside={own("status", t("campaigns.status"), (attributes) => (
          <select name="status" defaultValue={campaign.status} {...attributes}>
            {CAMPAIGN_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`campaigns.statuses.${status}`)}
              </option>
            ))}
          </select>
        ))}
      />
      <div className="row">
        {own("ratePerReview", t("campaignSetup.ratePerReview"), (attributes) => (
          <input
            name="ratePerReview"
            inputMode="decimal"
            defaultValue={campaign.ratePerReview ?? ""}
            {...attributes}
            aria-describedby={[rateNote, attributes["aria-describedby"]].filter(Boolean).join(" ")}
          />
        ))}
        {own("quotaMode", t("campaignSetup.quotaMode"), (attributes) => (
          <select name="quotaMode" defaultValue={campaign.quotaMode} {...attributes}>
            {QUOTA_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`campaignSetup.quotaModes.${mode}`)}
              </option>
            ))}
          </select>
        ))}
      </div>
      <p className="campaign-note small-text" id={rateNote}>
        {t("campaignSetup.rateNote")}
      </p>
      <div className="row">
        {own("goldRate", t("reviewQuality.goldRate"), (attributes) => (
          <input name="goldRate" type="number" min={0} max={50} step={1} required defaultValue={campaign.goldRate} {...attributes} />
        ))}
        {own("secondReviewRate", t("reviewQuality.secondReviewRate"), (attributes) => (
          <input name="secondReviewRate" type="number" min={0} max={50} step={1} required defaultValue={campaign.secondReviewRate} {...attributes} />
        ))}
      </div>
      <fieldset>
        <legend>{t("provenance.thresholds.legend")}</legend>
        <p className="campaign-note small-text">{t("provenance.thresholds.note")}</p>
        <div className="row">
          {THRESHOLDS.map((threshold) => (
            <div key={threshold}>
              {own(`evidenceThresholds.${threshold}`, t(`provenance.thresholds.${threshold}`), (attributes) => (
                <input name={threshold} type="number" inputMode="numeric" required min={1} size={6} defaultValue={campaign.evidenceThresholds[threshold]} {...attributes} />
              ))}
            </div>
          ))}
        </div>
      </fieldset>
      <p className="muted small-text">{t("campaignSetup.lockedNote")}</p>
      {reason ? (
        <p role="alert" className="error">
          {reason}
        </p>
      ) : (
        <ProblemSummary problems={problems} links={PLACED.map(field)} />
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
