"use client";
// The programme's people table: one row per person, a totals row, sortable by any column with header buttons that
// announce their order (aria-sort), so it works from the keyboard and with a screen reader.
import { useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { PersonFigures, TotalFigures } from "@/lib/productivity/schemas";
import { formatHours, formatMoneySums, formatRate, moneyCents, useFigureFormat, type FigureFormat } from "@/components/productivity/format-figures";
import { TableRegion } from "@/components/layout/table-region";

type Formatter = FigureFormat;

interface Column {
  key: string;
  label: string;
  numeric: boolean;
  sortValue: (row: PersonFigures) => string | number | bigint;
  render: (row: TotalFigures) => string;
}

function useColumns(): { person: Column; figures: Column[] } {
  const t = useTranslations("productivity");
  const roles = useTranslations("roles");
  const format: Formatter = useFigureFormat();
  const locale = useLocale();
  const count = (value: number) => format.number(value);
  const figure = (key: string, label: string, value: (row: TotalFigures) => number | bigint, render: (row: TotalFigures) => string): Column => ({
    key,
    label,
    numeric: true,
    sortValue: value,
    render,
  });
  const rate = (row: TotalFigures) => row.firstPassApprovalRate ?? -1;
  const perHour = (row: TotalFigures) => row.approvedPerActiveHour ?? -1;
  return {
    person: {
      key: "name",
      label: t("person"),
      numeric: false,
      sortValue: (row) => row.name.toLocaleLowerCase(locale),
      render: () => "",
    },
    figures: [
      { key: "role", label: t("role"), numeric: false, sortValue: (row) => roles(row.role), render: () => "" },
      figure("submitted", t("submitted"), (row) => row.submitted, (row) => count(row.submitted)),
      figure("approved", t("approved"), (row) => row.approved, (row) => count(row.approved)),
      figure("sentBack", t("sentBack"), (row) => row.sentBack, (row) => count(row.sentBack)),
      figure("rejected", t("rejected"), (row) => row.rejected, (row) => count(row.rejected)),
      figure("firstPassRate", t("firstPassRate"), rate, (row) => formatRate(format, row.firstPassApprovalRate)),
      figure("writingHours", t("writingHours"), (row) => row.writingSeconds, (row) => formatHours(format, row.writingSeconds)),
      figure("approvedPerHour", t("approvedPerHour"), perHour, (row) =>
        row.approvedPerActiveHour === null ? "—" : format.number(row.approvedPerActiveHour, { maximumFractionDigits: 2 }),
      ),
      figure("itemEarnings", t("itemEarnings"), (row) => moneyCents(row.itemEarnings), (row) => formatMoneySums(locale, row.itemEarnings)),
      figure("reviews", t("reviews"), (row) => row.reviews.approve + row.reviews.requestChanges + row.reviews.reject, (row) =>
        count(row.reviews.approve + row.reviews.requestChanges + row.reviews.reject),
      ),
      figure("reviewingHours", t("reviewingHours"), (row) => row.reviewingSeconds, (row) => formatHours(format, row.reviewingSeconds)),
      figure("reviewEarnings", t("reviewEarnings"), (row) => moneyCents(row.reviewEarnings), (row) => formatMoneySums(locale, row.reviewEarnings)),
    ],
  };
}

export function PeopleTable({ people, totals }: { people: PersonFigures[]; totals: TotalFigures }) {
  const t = useTranslations("productivity");
  const roles = useTranslations("roles");
  const { person, figures } = useColumns();
  const columns = [person, ...figures];
  const [sort, setSort] = useState<{ key: string; ascending: boolean }>({ key: "name", ascending: true });
  const active = columns.find((column) => column.key === sort.key) ?? person;
  const sorted = [...people].sort((a, b) => {
    const [x, y] = [active.sortValue(a), active.sortValue(b)];
    const order = x < y ? -1 : x > y ? 1 : a.name.localeCompare(b.name);
    return sort.ascending ? order : -order;
  });
  const choose = (column: Column) =>
    // Numbers are most useful largest first; names from A.
    setSort((current) => (current.key === column.key ? { key: column.key, ascending: !current.ascending } : { key: column.key, ascending: !column.numeric }));

  if (people.length === 0) return <p>{t("noPeople")}</p>;
  return (
    <TableRegion label={t("people")} className="table-scroll">
      <table className="people-table" aria-labelledby="people-title" aria-describedby="people-sort-hint" data-testid="people-table">
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? "number" : undefined}
                aria-sort={sort.key === column.key ? (sort.ascending ? "ascending" : "descending") : "none"}
              >
                <button type="button" className="link-button" onClick={() => choose(column)}>
                  {column.label}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.userId} data-testid="person-row">
              <th scope="row">
                {row.name}
                <br />
                <span className="muted small-text">{row.email}</span>
              </th>
              <td>{roles(row.role)}</td>
              {figures.slice(1).map((column) => (
                <td key={column.key} className="number">
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="totals-row">
            <th scope="row">{t("total")}</th>
            <td />
            {figures.slice(1).map((column) => (
              <td key={column.key} className="number">
                {column.render(totals)}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
      <p id="people-sort-hint" className="muted small-text">
        {t("sortHint")}
      </p>
    </TableRegion>
  );
}
