"use client";
// The review of one leased item: its text, the decision form, the lease, the outcome and the way to the next item.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { useActiveTime } from "@/components/activity/use-active-time";
import { ApiRequestError } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { DecisionForm } from "@/components/reviews/decision-form";
import { useClaimNext, useDecide, useReturnToQueue } from "@/components/reviews/review-queries";
import { TEXT_FIELDS } from "@/components/reviews/word-diff";
import { useHydrated } from "@/components/use-hydrated";
import type { ItemView } from "@/lib/items/schemas";

function DecisionError({ error }: { error: unknown }) {
  const t = useTranslations("reviewScreen");
  const describeError = useErrorMessage();
  if (!error) return null;
  const status = error instanceof ApiRequestError ? error.status : 0;
  const headline =
    status === 409 ? t("errors.conflict") : status === 403 ? t("errors.forbidden") : status === 422 ? t("errors.invalid") : t("errors.other");
  const message = describeError(error);
  return (
    <div role="alert" className="card error-box" data-testid="decision-error">
      <p className="error">
        <strong>{headline}</strong>
      </p>
      {message.summary !== headline && <p className="small-text">{message.summary}</p>}
      {message.fields.length > 0 && (
        <ul className="small-text">
          {message.fields.map(({ field, text }) => (
            <li key={field}>{text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ReviewScreen({
  item,
  leaseExpiresAt,
  qualityReport,
  children,
}: {
  item: ItemView;
  leaseExpiresAt: string | null;
  qualityReport: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations("reviewScreen");
  const tHistory = useTranslations("history");
  const tStatus = useTranslations("itemStatuses");
  const tLabels = useTranslations("uiLabels");
  const format = useFormatter();
  const router = useRouter();
  const hydrated = useHydrated();
  const decide = useDecide(item.id);
  const giveBack = useReturnToQueue(item.id);
  const describeError = useErrorMessage();
  const { claim, empty } = useClaimNext();
  const done = decide.isSuccess || giveBack.isSuccess;
  const outcome = decide.data?.item;
  // Reviewing time counts while the item is leased to this reviewer; the last seconds leave as the decision ends it.
  const activeTime = useActiveTime("reviewing", item.id, leaseExpiresAt !== null && item.status === "submitted" && !done);

  const nextRef = useRef(() => {});
  nextRef.current = () => {
    if (done && !claim.isPending) claim.mutate({});
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey && event.code === "KeyN") {
        event.preventDefault();
        nextRef.current();
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div className="stack">
      <section className="card stack" aria-labelledby="item-heading" data-testid="item-under-review">
        <h2 id="item-heading">{t("itemTitle")}</h2>
        {TEXT_FIELDS.map((field) =>
          field === "context" && item.context === null ? null : (
            <div key={field} className="field">
              <h3 className="field-title">{tHistory(`fields.${field}`)}</h3>
              <div className="pre item-text" data-testid={`item-${field}`}>
                {outcome ? outcome[field] : item[field]}
              </div>
            </div>
          ),
        )}
        {item.sourceUrl && (
          <p className="small-text">
            {t("source")} <code>{item.sourceUrl}</code> ({item.sourceLicense})
          </p>
        )}
      </section>
      {qualityReport}

      {!done && (
        <p className="small-text" data-testid="lease">
          {leaseExpiresAt
            ? t("leasedUntil", { time: format.dateTime(new Date(leaseExpiresAt), { timeStyle: "short" }) })
            : item.status === "submitted"
              ? t("noLease")
              : t("notReviewable", { status: tStatus(item.status) })}
        </p>
      )}

      {done ? (
        <section className="card stack" role="status" data-testid="review-outcome">
          {outcome ? (
            <>
              <p>
                <strong>{t("recorded")}</strong>{" "}
                {decide.data?.adjudication
                  ? t("outcome.adjudication")
                  : outcome.status === "submitted"
                    ? t("outcome.awaitingApproval", { count: decide.data!.approvals.count, required: decide.data!.approvals.required })
                    : t(`outcome.${outcome.status === "changes_requested" ? "changesRequested" : outcome.status}`)}
              </p>
              <p className="small-text">
                {t("statusNow")} <span data-testid="item-status">{tStatus(outcome.status)}</span>
              </p>
            </>
          ) : (
            <p>{t("returnedToQueue")}</p>
          )}
          <div className="row">
            <button type="button" disabled={claim.isPending} aria-keyshortcuts="Alt+Shift+N" onClick={() => claim.mutate({})}>
              {t("nextItem")}
            </button>
            <Link href="/review">{t("backToQueue")}</Link>
            <Link href={`/history/${item.id}`}>{t("fullHistory")}</Link>
          </div>
          {empty && <p data-testid="queue-empty">{t("queueEmpty")}</p>}
        </section>
      ) : (
        item.status === "submitted" && (
          <>
            <DecisionError error={decide.error} />
            <DecisionForm
              item={item}
              pending={decide.isPending}
              error={decide.error}
              onDecide={(input) => decide.mutate(input, { onSuccess: () => router.refresh() })}
            />
            <div className="row">
              <button type="button" className="secondary" disabled={!hydrated || giveBack.isPending || !leaseExpiresAt} onClick={() => void activeTime.report().finally(() => giveBack.mutate())}>
                {t("returnToQueue")}
              </button>
              {giveBack.error && <span className="error">{describeError(giveBack.error).text}</span>}
            </div>
          </>
        )
      )}

      <section className="card" aria-labelledby="shortcuts-heading">
        <h2 id="shortcuts-heading">{t("shortcutsTitle")}</h2>
        <dl className="inline-facts small-text" data-testid="shortcuts">
          <dt><kbd>Alt</kbd>+<kbd>{tLabels("shiftKey")}</kbd>+<kbd>A</kbd></dt>
          <dd>{t("decide.approve")}</dd>
          <dt><kbd>Alt</kbd>+<kbd>{tLabels("shiftKey")}</kbd>+<kbd>C</kbd></dt>
          <dd>{t("decide.request_changes")}</dd>
          <dt><kbd>Alt</kbd>+<kbd>{tLabels("shiftKey")}</kbd>+<kbd>R</kbd></dt>
          <dd>{t("decide.reject")}</dd>
          <dt><kbd>Alt</kbd>+<kbd>{tLabels("shiftKey")}</kbd>+<kbd>N</kbd></dt>
          <dd>{t("nextItem")}</dd>
          <dt><kbd>1</kbd>–<kbd>5</kbd></dt>
          <dd>{t("digitShortcut")}</dd>
        </dl>
      </section>
      {children}
    </div>
  );
}
