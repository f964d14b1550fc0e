"use client";
// The reviewer's landing: how many items wait per language (in every campaign or in the one chosen), and buttons
// that claim the next one and open it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { useClaimNext } from "@/components/reviews/review-queries";
import { useHydrated } from "@/components/use-hydrated";
import type { ItemLanguage } from "@/lib/vocabulary";
import { TableRegion } from "@/components/layout/table-region";
import { CampaignOptions } from "@/components/campaigns/campaign-options";

export function ReviewQueue({
  queue,
  campaigns,
  campaignId,
}: {
  queue: { language: ItemLanguage; waiting: number }[];
  campaigns: { id: string; name: string }[];
  /** The campaign chosen, or undefined for every campaign. */
  campaignId?: string;
}) {
  const t = useTranslations("reviewQueue");
  const tLanguages = useTranslations("languages");
  const tInSentence = useTranslations("wording.languageInSentence");
  const describeError = useErrorMessage();
  const router = useRouter();
  const { claim, empty } = useClaimNext();
  const hydrated = useHydrated();
  return (
    <div className="stack">
      {campaigns.length > 1 && (
        <label className="inline">
          {t("campaign")}{" "}
          <select
            value={campaignId ?? ""}
            disabled={!hydrated}
            onChange={(event) => router.push(event.target.value ? `/review?campaign=${event.target.value}` : "/review")}
          >
            <option value="">{t("allCampaigns")}</option>
            <CampaignOptions campaigns={campaigns} />
          </select>
        </label>
      )}
      <TableRegion label={t("title")}>
        <table data-testid="review-queue">
          <thead>
            <tr>
              <th scope="col">{t("language")}</th>
              <th scope="col">{t("waitingColumn")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queue.map(({ language, waiting }) => (
              <tr key={language} data-testid={`queue-${language}`}>
                <td>{tLanguages(language)}</td>
                <td>{t("waiting", { count: waiting })}</td>
                <td>
                  <button type="button" className="small secondary" disabled={!hydrated || claim.isPending} onClick={() => claim.mutate({ language, campaignId })}>
                    {t("reviewNextIn", { language: tInSentence(language) })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <div className="row">
        <button type="button" disabled={!hydrated || claim.isPending} onClick={() => claim.mutate({ campaignId })}>
          {claim.isPending ? t("claiming") : t("reviewNext")}
        </button>
      </div>
      {empty && (
        <p role="status" data-testid="queue-empty">
          {t("empty")}
        </p>
      )}
      {claim.error && (
        <p role="alert" className="error">
          {describeError(claim.error).text}
        </p>
      )}
    </div>
  );
}
