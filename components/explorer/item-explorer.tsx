"use client";
// The item explorer: search words and filters (each value with its count), a table of items to move through with the
// keyboard, and for maintainers the bulk actions on the ticked rows or on everything the filters find. The whole
// query lives in the URL, so a search can be shared or bookmarked.
import { useTranslations } from "next-intl";
import { useFigureFormat } from "@/components/productivity/format-figures";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { useExplorerCounts, useExplorerPages, type ExplorerParams } from "@/components/explorer/explorer-query";
import { ExplorerBulkActions } from "@/components/explorer/explorer-bulk-actions";
import { ImportUpload } from "@/components/explorer/import-upload";
import { useExplorerKeys } from "@/components/explorer/use-explorer-keys";
import { useUrlParams } from "@/components/explorer/use-url-params";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { EXPLORER_FLAGS, EXPLORER_SORTS } from "@/lib/explorer/schemas";
import { TableRegion } from "@/components/layout/table-region";

const FACETS = ["campaign", "language", "category", "status"] as const;
const FACET_LABELS = { language: "languages", category: "categories", status: "itemStatuses" } as const;
/** The parameters typed into a field of their own, where a refusal of them is shown. */
const PLACED = ["q", "variety", "guidelineVersion", "createdFrom", "createdTo", "approvedFrom", "approvedTo"] as const;

export function ItemExplorer({ canAct }: { canAct: boolean }) {
  const t = useTranslations("explorer");
  const tRoot = useTranslations();
  const tCounts = useTranslations("explorerCounts");
  /** A flag's count stops past the cap, and says so; facet counts are exact. */
  const withFlagCount = (label: string, count: number) =>
    counts.data && count > counts.data.cap ? tCounts("moreThan", { label, count: counts.data.cap }) : t("withCount", { label, count });
  // Through the global Intl when it formats, so the locale data LocaleDataGate installs (Basque, Galician) is used.
  const format = useFigureFormat();
  const [params, setUrlParams] = useUrlParams();
  const [text, setText] = useState(params.q ?? "");
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const search = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLTableElement>(null);
  useExplorerKeys(search, table);
  const pages = useExplorerPages(params);
  const counts = useExplorerCounts(params);
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];

  function setParams(changes: Record<string, string | undefined>) {
    setTicked(new Set());
    setUrlParams(changes);
  }

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setParams({ q: text.trim() || undefined });
  }

  function labelOf(facet: (typeof FACETS)[number], value: string, label: string) {
    return facet === "campaign" ? label : tRoot(`${FACET_LABELS[facet]}.${value}`);
  }

  function toggle(id: string) {
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  // A refused search names the URL's parameters it refuses (query.<name>): each is shown under its filter.
  const problems = useFormProblems("explorer", pages.error ?? counts.error, PLACED.map((name) => `query.${name}`));
  const filterField = (name: (typeof PLACED)[number]) => problems.field(`query.${name}`);
  const { sort: _sort, ...filter } = params;
  return (
    <section className="stack explorer">
      <h1>{t("title")}</h1>
      <p className="muted">{t("keyboardHelp")}</p>
      <form role="search" className="row" onSubmit={submitSearch}>
        <div className="grow field">
          <label className="grow">
            {t("search")}
            <input ref={search} type="search" value={text} onChange={(event) => setText(event.target.value)} data-testid="explorer-search" {...filterField("q").attributes} />
          </label>
          {filterField("q").line}
        </div>
        <button type="submit">{t("searchButton")}</button>
      </form>
      <div className="explorer-filters" data-testid="explorer-filters">
        {FACETS.map((facet) => (
          <label key={facet}>
            {t(`filters.${facet}`)}
            <select value={params[facet] ?? ""} onChange={(event) => setParams({ [facet]: event.target.value })} data-testid={`filter-${facet}`}>
              <option value="">{t("any")}</option>
              {(counts.data?.facets[facet] ?? []).map((entry) => (
                <option key={entry.value} value={entry.value}>
                  {t("withCount", { label: labelOf(facet, entry.value, entry.label), count: entry.count })}
                </option>
              ))}
              {params[facet] && !counts.data?.facets[facet].some((entry) => entry.value === params[facet]) && (
                <option value={params[facet]}>{params[facet]}</option>
              )}
            </select>
          </label>
        ))}
        {EXPLORER_FLAGS.map((flag) => (
          <label key={flag}>
            {withFlagCount(t(`flags.${flag}`), counts.data?.flags[flag] ?? 0)}
            <select value={params[flag] ?? ""} onChange={(event) => setParams({ [flag]: event.target.value })} data-testid={`filter-${flag}`}>
              <option value="">{t("any")}</option>
              <option value="yes">{tRoot("common.yes")}</option>
              <option value="no">{tRoot("common.no")}</option>
            </select>
          </label>
        ))}
        <ProblemField label={t("filters.variety")} placed={filterField("variety")}>
          {(attributes) => <input defaultValue={params.variety ?? ""} onBlur={(event) => setParams({ variety: event.target.value.trim() })} size={10} {...attributes} />}
        </ProblemField>
        <ProblemField label={t("filters.guidelineVersion")} placed={filterField("guidelineVersion")}>
          {(attributes) => (
            <input type="number" min={1} defaultValue={params.guidelineVersion ?? ""} onBlur={(event) => setParams({ guidelineVersion: event.target.value })} {...attributes} />
          )}
        </ProblemField>
        {(["createdFrom", "createdTo", "approvedFrom", "approvedTo"] as const).map((name) => (
          <ProblemField key={name} label={t(`filters.${name}`)} placed={filterField(name)}>
            {(attributes) => <input type="date" value={params[name] ?? ""} onChange={(event) => setParams({ [name]: event.target.value })} {...attributes} />}
          </ProblemField>
        ))}
        <label>
          {t("sort")}
          <select value={params.sort ?? "newest"} onChange={(event) => setParams({ sort: event.target.value })}>
            {EXPLORER_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ProblemSummary
        problems={problems}
        links={PLACED.map(filterField)}
        testId="explorer-problems"
      />
      <p data-testid="explorer-total">{counts.data ? t("total", { count: counts.data.total }) : tRoot("common.loading")}</p>
      {canAct && counts.data && (
        <ExplorerBulkActions filter={filter} ticked={[...ticked]} total={counts.data.total} onDone={() => setTicked(new Set())} />
      )}
      <TableRegion label={t("title")} className="table-scroll">
        <table ref={table} className="explorer-table" data-testid="explorer-results">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t("tick")}</span>
              </th>
              <th scope="col">{t("columns.instruction")}</th>
              <th scope="col">{t("columns.language")}</th>
              <th scope="col">{t("columns.status")}</th>
              <th scope="col">{t("columns.campaign")}</th>
              <th scope="col">{t("columns.author")}</th>
              <th scope="col">{t("columns.created")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid={`explorer-row-${row.id}`}>
                <td>
                  <input type="checkbox" checked={ticked.has(row.id)} onChange={() => toggle(row.id)} aria-label={t("tickItem", { excerpt: row.instruction.slice(0, 60) || t("noInstruction") })} />
                </td>
                <td>
                  <Link href={`/history/${row.id}`} data-row-link>
                    {row.instruction.slice(0, 140) || t("noInstruction")}
                  </Link>
                </td>
                <td>
                  {tRoot(`languages.${row.language}`)}
                  {row.variety ? ` (${row.variety})` : ""}
                </td>
                <td>{tRoot(`itemStatuses.${row.status}`)}</td>
                <td>{row.campaignName}</td>
                <td>{row.authorName}</td>
                <td>{format.dateTime(new Date(row.createdAt), { dateStyle: "medium" })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {pages.data && rows.length === 0 && <p className="muted">{t("noResults")}</p>}
      {pages.hasNextPage && (
        <button type="button" className="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
          {t("loadMore")}
        </button>
      )}
      {canAct && <ImportUpload />}
    </section>
  );
}
