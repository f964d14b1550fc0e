import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requirePageViewer } from "@/lib/http/page-guard";
import { countMyItemsByStatus } from "@/lib/items/count-my-items";
import { listMyWorkRows } from "@/lib/items/list-my-items";
import { listMyItemsQuerySchema } from "@/lib/items/schemas";
import { ITEM_CATEGORIES, ITEM_STATUSES } from "@/lib/vocabulary";
import { DeleteDraftButton } from "@/components/writing/delete-draft-button";
import { CategoryOptions, LanguageOptions } from "@/components/writing/vocabulary-options";
import { TableRegion } from "@/components/layout/table-region";
import { FilterForm } from "@/components/writing/filter-form";
import { ClientMessages } from "@/components/i18n/client-messages";

export default async function WorkPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("annotator");
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([key, value]) => (typeof value === "string" && value !== "" ? [[key, value]] : [])),
  );
  // Unknown or malformed filters in a hand-edited URL fall back to no filter rather than an error page.
  const parsed = listMyItemsQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const [t, format, page, counts] = await Promise.all([getTranslations(), getFormatter(), listMyWorkRows(viewer, query), countMyItemsByStatus(viewer)]);
  const languageNames = viewer.languages.map((language) => t(`wording.languageInSentence.${language}`)).join(", ");
  const nextHref = page.nextCursor ? `/work?${new URLSearchParams({ ...raw, cursor: page.nextCursor })}` : null;

  return (
    <ClientMessages groups={["apiErrors", "items"]}>
      <section className="stack-large">
        <div className="row spread">
          <div>
            <h1>{t("work.title")}</h1>
            <p>{viewer.languages.length > 0 ? t("work.intro", { languages: languageNames }) : t("work.noLanguages")}</p>
          </div>
          <Link href="/work/new" className="button-link">
            {t("items.newItem")}
          </Link>
        </div>
        {counts.changes_requested > 0 && raw.status !== "changes_requested" && (
          <p className="card notice" role="status" data-testid="sent-back-notice">
            {t("myWork.sentBack", { count: counts.changes_requested })} <Link href="/work?status=changes_requested">{t("myWork.showSentBack")}</Link>
          </p>
        )}
        <ul className="status-counts" aria-label={t("myWork.statusCounts")} data-testid="status-counts">
          {ITEM_STATUSES.filter((status) => counts[status] > 0).map((status) => (
            <li key={status}>
              <Link href={`/work?status=${status}`} className={`status-badge status-${status}`} aria-current={raw.status === status ? "page" : undefined}>
                {t("myWork.statusWithCount", { status: t(`work.status.${status}`), count: format.number(counts[status]) })}
              </Link>
            </li>
          ))}
        </ul>
        <FilterForm action="/work" label={t("items.filter")}>
          <label>
            {t("items.status")}
            <select name="status" defaultValue={raw.status ?? ""}>
              <option value="">{t("items.all")}</option>
              {ITEM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t("myWork.statusWithCount", { status: t(`work.status.${status}`), count: format.number(counts[status]) })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("items.language")}
            <select name="language" defaultValue={raw.language ?? ""}>
              <option value="">{t("items.all")}</option>
              <LanguageOptions languages={viewer.languages} />
            </select>
          </label>
          <label>
            {t("items.category")}
            <select name="category" defaultValue={raw.category ?? ""}>
              <option value="">{t("items.all")}</option>
              <CategoryOptions categories={ITEM_CATEGORIES} />
            </select>
          </label>
          <button type="submit" className="secondary">
            {t("items.filter")}
          </button>
        </FilterForm>
        {page.items.length === 0 ? (
          <p>{t("items.empty")}</p>
        ) : (
          <TableRegion label={t("work.title")}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("editor.instruction")}</th>
                  <th scope="col">{t("items.status")}</th>
                  <th scope="col">{t("items.language")}</th>
                  <th scope="col">{t("items.category")}</th>
                  <th scope="col">{t("items.updated")}</th>
                  <th scope="col">{t("items.feedback")}</th>
                  <th scope="col">{t("myWork.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((item) => (
                  <tr key={item.id} data-testid={`item-row-${item.id}`}>
                    <td>
                      <Link href={`/work/items/${item.id}`}>{item.instructionStart || "…"}</Link>
                    </td>
                    <td>
                      <span className={`status-badge status-${item.status}`}>{t(`itemStatuses.${item.status}`)}</span>
                    </td>
                    <td>{t(`languages.${item.language}`)}</td>
                    <td>{t(`categories.${item.category}`)}</td>
                    <td>{format.dateTime(item.updatedAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>
                      {item.latestFeedback && (
                        <>
                          <strong>{t(`reviewDecisions.${item.latestFeedback.decision}`)}</strong> {item.latestFeedback.comment}
                        </>
                      )}
                      {item.reviewRound > 0 && (
                        <>
                          {" "}
                          <Link href={`/history/${item.id}`}>{t("items.history")}</Link>
                        </>
                      )}
                    </td>
                    <td>{item.status === "draft" && item.reviewRound === 0 && <DeleteDraftButton itemId={item.id} version={item.version} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
        {nextHref && <Link href={nextHref}>{t("items.loadMore")}</Link>}
      </section>
    </ClientMessages>
  );
}
