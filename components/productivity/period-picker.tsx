"use client";
// Chooses the period of a report: this day, week or month (with previous / next), or any range of dates.
import { useTranslations } from "next-intl";
import { daysBetween, isIsoDate, periodContaining, shiftPeriod, type DateRange, type PeriodKind } from "@/lib/productivity/period";
import { formatDay, useFigureFormat } from "@/components/productivity/format-figures";

export type PeriodChoice = { kind: PeriodKind | "range"; range: DateRange };

export function initialPeriod(today: string): PeriodChoice {
  return { kind: "month", range: periodContaining("month", today) };
}

export function PeriodPicker({ value, onChange }: { value: PeriodChoice; onChange: (next: PeriodChoice) => void }) {
  const t = useTranslations("productivity");
  const format = useFigureFormat();
  const { kind, range } = value;
  const invalid = !isIsoDate(range.from) || !isIsoDate(range.to) || daysBetween(range.from, range.to) < 0;
  return (
    <fieldset className="period-picker" aria-describedby="period-shown">
      <legend>{t("period")}</legend>
      <div className="row">
        <label>
          <span className="visually-hidden">{t("period")}</span>
          <select
            value={kind}
            onChange={(event) => {
              const next = event.target.value as PeriodChoice["kind"];
              onChange({ kind: next, range: next === "range" ? range : periodContaining(next, range.from) });
            }}
          >
            {(["day", "week", "month", "range"] as const).map((option) => (
              <option key={option} value={option}>
                {t(option)}
              </option>
            ))}
          </select>
        </label>
        {kind !== "range" && (
          <>
            <button type="button" onClick={() => onChange({ kind, range: shiftPeriod(kind, range, -1) })}>
              {t("previous")}
            </button>
            <button type="button" onClick={() => onChange({ kind, range: shiftPeriod(kind, range, 1) })}>
              {t("next")}
            </button>
          </>
        )}
        {kind === "range" && (
          <>
            <label>
              {t("from")}{" "}
              <input type="date" value={range.from} onChange={(event) => onChange({ kind, range: { ...range, from: event.target.value } })} />
            </label>
            <label>
              {t("to")}{" "}
              <input type="date" value={range.to} onChange={(event) => onChange({ kind, range: { ...range, to: event.target.value } })} />
            </label>
          </>
        )}
      </div>
      <p id="period-shown" data-testid="period-shown" aria-live="polite">
        {invalid
          ? t("rangeInvalid")
          : t("periodShown", { from: formatDay(format, range.from), to: formatDay(format, range.to) })}
      </p>
    </fieldset>
  );
}

/** A range the API accepts, or null while the person is still typing one. */
export function validRange(choice: PeriodChoice): DateRange | null {
  const { from, to } = choice.range;
  return isIsoDate(from) && isIsoDate(to) && daysBetween(from, to) >= 0 ? { from, to } : null;
}
