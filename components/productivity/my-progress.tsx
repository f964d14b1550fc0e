"use client";
// "My progress": a person's own counts, time, approval rate and earnings for a period, with charts per day.
import Link from "next/link";
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { Role } from "@/lib/vocabulary";
import { DailyChart } from "@/components/productivity/daily-chart";
import { formatHours, formatMoneySums, formatRate, useFigureFormat } from "@/components/productivity/format-figures";
import { initialPeriod, PeriodPicker, validRange, type PeriodChoice } from "@/components/productivity/period-picker";
import { useProductivityReport } from "@/components/productivity/productivity-query";

export function MyProgress({ userId, role, today, timeZone }: { userId: string; role: Role; today: string; timeZone: string }) {
  const t = useTranslations("productivity");
  const common = useTranslations("common");
  const format = useFigureFormat();
  const locale = useLocale();
  const [period, setPeriod] = useState<PeriodChoice>(() => initialPeriod(today));
  const range = validRange(period);
  const report = useProductivityReport({ ...(range ?? { from: today, to: today }), user: userId }, range !== null);
  const me = report.data?.people[0];
  const reviews = role !== "annotator" || (me ? me.reviews.approve + me.reviews.requestChanges + me.reviews.reject > 0 : false);
  const count = (value: number) => format.number(value);
  const hours = (seconds: number) => t("hours", { hours: formatHours(format, seconds) });

  return (
    <div className="stack-large">
      <p>{t("myProgressIntro", { timeZone })}</p>
      <PeriodPicker value={period} onChange={setPeriod} />
      {report.isPending && <p>{common("loading")}</p>}
      {report.error && <p className="error">{common("error")}</p>}
      {me && (
        <>
          <section aria-labelledby="my-writing-title" className="stack">
            <h2 id="my-writing-title">{t("writing")}</h2>
            <dl className="stat-grid" data-testid="my-writing">
              <Figure label={t("submitted")} value={count(me.submitted)} />
              <Figure label={t("approved")} value={count(me.approved)} testId="my-approved" />
              <Figure label={t("sentBack")} value={count(me.sentBack)} />
              <Figure label={t("rejected")} value={count(me.rejected)} />
              <Figure label={t("firstPassRate")} value={formatRate(format, me.firstPassApprovalRate)} />
              <Figure label={t("writingTime")} value={hours(me.writingSeconds)} />
              <Figure
                label={t("approvedPerHour")}
                value={me.approvedPerActiveHour === null ? t("notAvailable") : format.number(me.approvedPerActiveHour, { maximumFractionDigits: 2 })}
              />
              <Figure label={t("itemEarnings")} value={formatMoneySums(locale, me.itemEarnings)} testId="my-item-earnings" />
            </dl>
            {me.retractedPaidItems > 0 && <p className="muted">{t("retractedNote", { count: me.retractedPaidItems })}</p>}
          </section>
          {reviews && (
            <section aria-labelledby="my-reviewing-title" className="stack">
              <h2 id="my-reviewing-title">{t("reviewing")}</h2>
              <dl className="stat-grid" data-testid="my-reviewing">
                <Figure label={t("reviewsApproved")} value={count(me.reviews.approve)} />
                <Figure label={t("reviewsSentBack")} value={count(me.reviews.requestChanges)} />
                <Figure label={t("reviewsRejected")} value={count(me.reviews.reject)} />
                <Figure label={t("reviewingTime")} value={hours(me.reviewingSeconds)} />
                <Figure label={t("reviewEarnings")} value={formatMoneySums(locale, me.reviewEarnings)} />
              </dl>
            </section>
          )}
          <div className="two-columns">
            <DailyChart
              title={t("approvedPerDay")}
              testId="approved-per-day"
              days={report.data!.days}
              series={[{ key: "approved", label: t("approved"), color: "#2f6f4f" }]}
              formatValue={count}
            />
            {reviews && (
              <DailyChart
                title={t("reviewsPerDay")}
                testId="reviews-per-day"
                days={report.data!.days}
                series={[{ key: "reviews", label: t("reviews"), color: "#3b5b9a" }]}
                formatValue={count}
              />
            )}
          </div>
        </>
      )}
      <p>
        <Link href="/me/statements">{t("statementsLink")}</Link>
      </p>
    </div>
  );
}

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}
