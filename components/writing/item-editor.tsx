"use client";
// The annotator's editor: fields with live counters, guidelines beside them, safe Markdown preview, autosave
// with a local copy, conflicts shown side by side, and submission with problems next to their fields.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, type KeyboardEvent } from "react";
import { ApiRequestError, callApi } from "@/components/api-client";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import { useHydrated } from "@/components/use-hydrated";
import { useDraftAutosave, type SaveState } from "@/components/writing/use-draft-autosave";
import { useLiveHints } from "@/components/writing/use-live-hints";
import { clearLocalCopy, type DraftFields } from "@/components/writing/local-draft-copy";
import type { GuidelineView } from "@/lib/campaigns/schemas";
import type { ItemView } from "@/lib/items/schemas";
import { ITEM_VARIETIES } from "@/lib/items/vocabulary";
import type { QualityProblem, QualityReport } from "@/lib/quality/quality-report";
import { CATEGORY_SHAPES, countCharacters } from "@/lib/quality/shape-rules";

const TEXT_FIELDS = ["instruction", "context", "response"] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** Problems found when submitting are alerts; hints found while typing are quiet status lines. */
function ProblemList({ problems, hint = false }: { problems: QualityProblem[]; hint?: boolean }) {
  const t = useTranslations("quality");
  if (problems.length === 0) return null;
  return (
    <ul className={hint ? "problems hints" : "problems"} role={hint ? "status" : "alert"} data-testid={hint ? "live-hint" : undefined}>
      {problems.map((problem, index) => {
        const params = { ...problem.params } as Record<string, string | number>;
        if (problem.code === "language_mismatch") {
          params.detected = t(`detected.${String(problem.params.detected)}` as "detected.es");
          params.expected = t(`detected.${String(problem.params.expected)}` as "detected.es");
        }
        return (
          <li key={`${problem.code}-${index}`} className={problem.severity === "block" && !hint ? "error" : "muted"}>
            {t(problem.code, params)}
          </li>
        );
      })}
    </ul>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useTranslations("editor");
  return (
    <p role="status" data-testid="save-status" className={state === "offline" || state === "conflict" ? "error" : "muted"}>
      {state === "saved" ? t("saved") : state === "saving" ? t("saving") : state === "offline" ? t("offline") : state === "conflict" ? t("conflictTitle") : t("unsaved")}
    </p>
  );
}

function ConflictPanel({ server, mine, onChoose }: { server: ItemView; mine: DraftFields; onChoose: (choice: "mine" | "server") => void }) {
  const t = useTranslations("editor");
  return (
    <div className="card conflict" role="alertdialog" aria-label={t("conflictTitle")}>
      <h2>{t("conflictTitle")}</h2>
      <div className="two-columns">
        {([["server", t("conflictTheirs"), { instruction: server.instruction, context: server.context ?? "", response: server.response }], ["mine", t("conflictMine"), mine]] as const).map(
          ([key, title, text]) => (
            <div key={key} data-testid={`conflict-${key}`}>
              <h3>{title}</h3>
              {TEXT_FIELDS.map((field) => (
                <p key={field}>
                  <strong>{t(field)}:</strong> <span className="pre">{text[field]}</span>
                </p>
              ))}
            </div>
          ),
        )}
      </div>
      <div className="row">
        <button type="button" onClick={() => onChoose("mine")}>
          {t("keepMine")}
        </button>
        <button type="button" className="secondary" onClick={() => onChoose("server")}>
          {t("useSaved")}
        </button>
      </div>
    </div>
  );
}

export function ItemEditor({ initialItem, guideline }: { initialItem: ItemView; guideline: GuidelineView | null }) {
  const t = useTranslations();
  const router = useRouter();
  const editable = initialItem.status === "draft" || initialItem.status === "changes_requested";
  const draft = useDraftAutosave(initialItem, editable);
  // Until React is attached, typing would not reach the autosave and clicks would do nothing.
  const hydrated = useHydrated();
  const { item, fields, setFields } = draft;
  const [preview, setPreview] = useState(false);
  const [report, setReport] = useState<QualityReport | null>(null);
  const [justification, setJustification] = useState(initialItem.languageJustification ?? "");
  const [fictional, setFictional] = useState(initialItem.piiDeclaredFictional);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const fieldRefs = useRef<Record<TextField, HTMLTextAreaElement | null>>({ instruction: null, context: null, response: null });
  const shape = CATEGORY_SHAPES[item.category];
  const contextShown = shape.context.expectation !== "not_expected" || fields.context !== "";

  async function submit() {
    if (!editable || submitting || draft.conflict) return;
    setSubmitting(true);
    setNotice(null);
    try {
      const version = await draft.flush();
      const result = await callApi<{ item: ItemView; quality: QualityReport }>(`/api/v1/items/${item.id}/submit`, {
        method: "POST",
        body: { version, languageJustification: justification || null, piiDeclaredFictional: fictional },
      });
      clearLocalCopy(item.id);
      setReport(result.quality.problems.length > 0 ? result.quality : null);
      setNotice(t("editor.submitted"));
      draft.setItem(result.item);
      router.refresh();
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 422) {
        const quality = (error.failure as unknown as { details?: { quality?: QualityReport } }).details?.quality;
        if (quality) setReport(quality);
        else setNotice(error.failure.fields.map((problem) => `${problem.field}: ${problem.message}`).join("; "));
      } else {
        setNotice(error instanceof Error ? error.message : String(error));
      }
    } finally {
      setSubmitting(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void draft.flush();
    } else if (mod && event.key === "Enter") {
      event.preventDefault();
      void submit();
    } else if (mod && event.shiftKey && event.key.toLowerCase() === "p") {
      event.preventDefault();
      setPreview((shown) => !shown);
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      const order = TEXT_FIELDS.filter((field) => field !== "context" || contextShown);
      const current = order.findIndex((field) => fieldRefs.current[field] === document.activeElement);
      const next = order[(current + (event.key === "ArrowDown" ? 1 : order.length - 1)) % order.length];
      if (next) {
        event.preventDefault();
        fieldRefs.current[next]?.focus();
      }
    }
  }

  const hints = useLiveHints(item, fields, editable && hydrated);
  const problemsOf = (field: string) => report?.problems.filter((problem) => problem.field === field) ?? [];
  // Length is already shown by the counters; hints add what a person cannot see while typing.
  const hintsOf = (field: string) =>
    report
      ? []
      : (hints?.problems.filter(
          (problem) => problem.field === field && (problem.code === "language_mismatch" || problem.code === "pii_found"),
        ) ?? []);
  const live = item.status === "submitted" || item.status === "approved";

  return (
    <div className="editor-layout" onKeyDown={onKeyDown}>
      <section className="stack">
        <h1>
          {t(`categories.${item.category}`)} · {t(`languages.${item.language}`)}{" "}
          <span className="muted">({t(`work.status.${item.status}`)})</span>
        </h1>
        {item.status === "changes_requested" && item.latestFeedback && (
          <div className="card" data-testid="feedback">
            <h2>{t("editor.feedbackTitle")}</h2>
            <p className="pre">{item.latestFeedback.comment}</p>
            {item.latestFeedback.citedClauses.length > 0 && <p className="muted">{item.latestFeedback.citedClauses.join(", ")}</p>}
          </div>
        )}
        {draft.conflict && <ConflictPanel server={draft.conflict.server} mine={draft.conflict.mine} onChoose={draft.resolveConflict} />}
        {editable ? <SaveStatus state={draft.saveState} /> : <p className="muted">{t("editor.readOnly")}</p>}
        {notice && <p role="status">{notice}</p>}
        <div className="row">
          <button type="button" className="secondary small" disabled={!hydrated} onClick={() => setPreview((shown) => !shown)} aria-pressed={preview}>
            {preview ? t("editor.edit") : t("editor.preview")}
          </button>
          <span className="muted small-text">{t("editor.shortcuts")}</span>
        </div>
        {TEXT_FIELDS.map((field) => {
          if (field === "context" && !contextShown) return null;
          const limits = shape[field];
          const count = countCharacters(fields[field]);
          const outside = count > limits.max || (count < limits.min && (field !== "context" || shape.context.expectation === "required" || count > 0));
          return (
            <div key={field} className="field">
              <label>
                {t(`editor.${field}`)}
                {field === "context" && (
                  <span className="muted">
                    {" "}
                    ({shape.context.expectation === "required" ? t("editor.contextRequired") : t("editor.contextOptional")})
                  </span>
                )}
                {preview || !editable ? (
                  <div className="preview" data-testid={`preview-${field}`}>
                    <SafeMarkdown text={fields[field]} />
                  </div>
                ) : (
                  <textarea
                    ref={(element) => {
                      fieldRefs.current[field] = element;
                    }}
                    name={field}
                    value={fields[field]}
                    rows={field === "instruction" ? 3 : 8}
                    readOnly={!hydrated}
                    onChange={(event) => setFields({ [field]: event.target.value })}
                    aria-invalid={problemsOf(field).some((problem) => problem.severity === "block") || undefined}
                  />
                )}
              </label>
              <p className={outside ? "error small-text" : "muted small-text"}>{t("editor.chars", { count, min: limits.min, max: limits.max })}</p>
              <ProblemList problems={problemsOf(field)} />
              <ProblemList problems={hintsOf(field)} hint />
            </div>
          );
        })}
        {contextShown && editable && (
          <div className="row">
            <label>
              {t("editor.sourceUrl")}
              <input value={fields.sourceUrl} onChange={(event) => setFields({ sourceUrl: event.target.value })} inputMode="url" />
            </label>
            <label>
              {t("editor.sourceLicense")}
              <input value={fields.sourceLicense} onChange={(event) => setFields({ sourceLicense: event.target.value })} />
            </label>
          </div>
        )}
        <ProblemList problems={[...problemsOf("sourceUrl"), ...problemsOf("sourceLicense"), ...problemsOf("item")]} />
        {editable && (
          <label>
            {t("editor.variety")}
            <select value={fields.variety} onChange={(event) => setFields({ variety: event.target.value })}>
              <option value="">{t("editor.noVariety")}</option>
              {ITEM_VARIETIES[item.language].map((variety) => (
                <option key={variety} value={variety}>
                  {variety}
                </option>
              ))}
            </select>
          </label>
        )}
        {editable && report?.problems.some((problem) => problem.code === "language_mismatch") && (
          <label>
            {t("editor.justification")}
            <textarea value={justification} onChange={(event) => setJustification(event.target.value)} rows={2} />
          </label>
        )}
        {editable && (report?.problems.some((problem) => problem.code === "pii_found") || fictional) && (
          <label className="inline">
            <input type="checkbox" checked={fictional} onChange={(event) => setFictional(event.target.checked)} /> {t("editor.fictional")}
          </label>
        )}
        {editable && report?.blocked && <p className="error">{t("editor.blocked")}</p>}
        {editable && (
          <div className="row">
            <button type="button" className="secondary" disabled={!hydrated} onClick={() => void draft.flush()}>
              {t("editor.save")}
            </button>
            <button type="button" onClick={() => void submit()} disabled={submitting || Boolean(draft.conflict) || !hydrated}>
              {item.status === "changes_requested" ? t("editor.resubmit") : t("editor.submit")}
            </button>
          </div>
        )}
        {live && report && <ProblemList problems={report.problems} />}
      </section>
      <aside className="guidelines card" aria-label={t("campaigns.guidelines")}>
        {guideline ? (
          <>
            <h2>{t("editor.guidelines", { version: guideline.version })}</h2>
            <SafeMarkdown text={guideline.body} />
          </>
        ) : (
          <p className="muted">{t("editor.noGuidelines")}</p>
        )}
      </aside>
    </div>
  );
}
