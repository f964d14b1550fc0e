"use client";
// The maintainers' programme dashboard: a period and campaign, everyone's figures in a sortable table with totals,
// charts of approvals and active hours per day, the table as CSV, and the way to campaign progress and pay periods.
import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import { useCampaigns } from "@/components/campaigns/campaigns-query";
import { DailyChart } from "@/components/productivity/daily-chart";
import { PeopleTable } from "@/components/productivity/people-table";
import { initialPeriod, PeriodPicker, validRange, type PeriodChoice } from "@/components/productivity/period-picker";
import { productivityCsvHref, useProductivityReport } from "@/components/productivity/productivity-query";
import { CampaignOptions } from "@/components/campaigns/campaign-options";

export function ProgrammeDashboard({ today, timeZone }: { today: string; timeZone: string }) {
  const t = useTranslations("productivity");
  const tProvenance = useTranslations("provenance");
  const common = useTranslations("common");
  const format = useFigureFormat();
  const campaigns = useCampaigns();
  const [period, setPeriod] = useState<PeriodChoice>(() => initialPeriod(today));
  const [campaign, setCampaign] = useState("");
  const range = validRange(period);
  const query = { ...(range ?? { from: today, to: today }), ...(campaign ? { campaign } : {}) };
  const report = useProductivityReport(query, range !== null);
  const count = (value: number) => format.number(value);
  const hours = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const hourDays = report.data?.days.map((day) => ({
    date: day.date,
    writingHours: day.writingSeconds / 3600,
    reviewingHours: day.reviewingSeconds / 3600,
  }));

  return (
    <div className="stack-large">
      <p>{t("programmeIntro", { timeZone })}</p>
      <div className="row">
        <PeriodPicker value={period} onChange={setPeriod} />
        <div className="field">
          <label htmlFor="report-campaign">{t("campaign")}</label>
          <select id="report-campaign" value={campaign} onChange={(event) => setCampaign(event.target.value)}>
            <option value="">{t("allCampaigns")}</option>
            <CampaignOptions campaigns={campaigns.data ?? []} value="slug" />
          </select>
        </div>
      </div>
      <nav aria-label={t("campaignProgress")} className="stack">
        <h2>{t("campaignProgress")}</h2>
        <ul className="inline-facts">
          {campaigns.data?.map((option) => (
            <li key={option.id}>
              <Link href={`/campaigns/${option.slug}/progress`} prefetch={false}>
                {option.name}
              </Link>
            </li>
          ))}
          <li>
            <Link href="/admin/periods" prefetch={false}>
              {t("payPeriods")}
            </Link>
          </li>
          <li>
            <Link href="/admin/provenance" prefetch={false}>
              {tProvenance("admin.title")}
            </Link>
          </li>
        </ul>
      </nav>
      {report.isPending && <p>{common("loading")}</p>}
      {report.error && <p className="error">{common("error")}</p>}
      {report.data && (
        <>
          <section className="stack" aria-labelledby="people-title">
            <div className="spread">
              <h2 id="people-title">{t("people")}</h2>
              <a href={productivityCsvHref(query)} download className="button-link">
                {t("downloadCsv")}
              </a>
            </div>
            <PeopleTable people={report.data.people} totals={report.data.totals} />
          </section>
          <div className="two-columns">
            <DailyChart
              title={t("approvedPerDay")}
              testId="programme-approved-per-day"
              days={report.data.days}
              series={[{ key: "approved", label: t("approved"), color: "#2f6f4f" }]}
              formatValue={count}
            />
            <DailyChart
              title={t("hoursPerDay")}
              testId="programme-hours-per-day"
              days={hourDays ?? []}
              series={[
                { key: "writingHours", label: t("writingHours"), color: "#2f6f4f" },
                { key: "reviewingHours", label: t("reviewingHours"), color: "#3b5b9a" },
              ]}
              formatValue={hours}
            />
          </div>
        </>
      )}
    </div>
  );
}
