"use client";
// Maintainers' campaign administration: the campaigns, their status, settings, quota grid and guidelines per language.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { ConfirmedAction } from "@/components/confirmed-action";
import { updateCampaign } from "@/lib/http/operations/campaigns";
import { CAMPAIGNS_KEY, useCampaigns } from "@/components/campaigns/campaigns-query";
import { CreateCampaignForm } from "@/components/campaigns/create-campaign-form";
import { useCampaignErrorText } from "@/components/campaigns/campaign-error-text";
import { CampaignSettingsForm } from "@/components/campaigns/campaign-settings-form";
import { QuotaGrid } from "@/components/campaigns/quota-grid";
import { formatMoney } from "@/components/campaigns/format-money";
import { GuidelinePublisher } from "@/components/campaigns/guideline-publisher";
import type { CampaignView } from "@/lib/campaigns/schemas";

function CampaignCard({ campaign }: { campaign: CampaignView }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const errorText = useCampaignErrorText();
  const locale = useLocale();
  const [result, setResult] = useState<string | null>(null);
  const setStatus = useMutation({
    mutationFn: (status: CampaignView["status"]) => callOperation(updateCampaign, { params: { campaignId: campaign.id }, body: { status } }),
    onMutate: () => setResult(null),
    onSuccess: (updated) => {
      setResult(t(updated.status === "closed" ? "adminConfirm.campaignClosed" : "adminConfirm.campaignOpened", { name: updated.name }));
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });
  return (
    <article className="card stack" data-testid={`campaign-${campaign.slug}`}>
      <h2>
        {campaign.name} <span className="muted">({campaign.slug})</span>
      </h2>
      {campaign.description && <p>{campaign.description}</p>}
      <dl className="inline-facts">
        <dt>{t("campaigns.status")}</dt>
        <dd>{t(`campaigns.statuses.${campaign.status}`)}</dd>
        <dt>{t("campaigns.approvalsRequired")}</dt>
        <dd>{campaign.approvalsRequired}</dd>
        <dt>{t("campaigns.rate")}</dt>
        <dd>{formatMoney(locale, campaign.ratePerApprovedItem, campaign.currency)}</dd>
        <dt>{t("campaignSetup.ratePerReview")}</dt>
        <dd>{campaign.ratePerReview === null ? t("campaignSetup.notPaid") : formatMoney(locale, campaign.ratePerReview, campaign.currency)}</dd>
        <dt>{t("campaignSetup.quotaMode")}</dt>
        <dd>{t(`campaignSetup.quotaModes.${campaign.quotaMode}`)}</dd>
        <dt>{t("campaigns.categories")}</dt>
        <dd>{campaign.categories.map((category) => t(`categories.${category}`)).join(", ")}</dd>
      </dl>
      <div className="row">
        <Link href={`/campaigns/${encodeURIComponent(campaign.slug)}/progress`}>{t("progress.open")}</Link>
        {campaign.status !== "active" && (
          <button type="button" className="small" onClick={() => setStatus.mutate("active")}>
            {t("campaigns.open")}
          </button>
        )}
        {campaign.status === "active" && (
          <ConfirmedAction
            id={`close-question-${campaign.id}`}
            label={t("campaigns.close")}
            question={t("adminConfirm.closeCampaignQuestion", { name: campaign.name })}
            confirmLabel={t("adminConfirm.closeCampaignConfirm")}
            pending={setStatus.isPending}
            onConfirm={() => setStatus.mutate("closed")}
            danger
            small
          />
        )}
      </div>
      {result && <p role="status">{result}</p>}
      {setStatus.error && (
        <p role="alert" className="error">
          {errorText(setStatus.error)}
        </p>
      )}
      <details>
        <summary>{t("campaignSetup.edit")}</summary>
        <CampaignSettingsForm campaign={campaign} />
      </details>
      <QuotaGrid campaign={campaign} />
      <h3>{t("campaigns.guidelines")}</h3>
      {campaign.languages.map((language) => (
        <GuidelinePublisher
          key={language}
          campaignId={campaign.id}
          language={language}
          version={campaign.guidelineVersions.find((entry) => entry.language === language)?.version ?? null}
        />
      ))}
    </article>
  );
}

export function CampaignAdmin() {
  const t = useTranslations();
  const campaigns = useCampaigns();
  return (
    <div className="stack-large">
      <CreateCampaignForm />
      {campaigns.isPending && <p>{t("common.loading")}</p>}
      {campaigns.error && <p className="error">{t("common.error")}</p>}
      {campaigns.data?.length === 0 && <p>{t("campaigns.none")}</p>}
      {campaigns.data?.map((campaign) => <CampaignCard key={campaign.id} campaign={campaign} />)}
    </div>
  );
}
