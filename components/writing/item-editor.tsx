"use client";
// The annotator's editor: fields with live counters, guidelines beside them, safe Markdown preview, autosave
// with a local copy, conflicts shown side by side, and submission with problems next to their fields.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useActiveTime } from "@/components/activity/use-active-time";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { LazySafeMarkdown as SafeMarkdown } from "@/components/markdown/lazy-safe-markdown";
import { ClauseLink } from "@/components/reviews/clause-link";
import { useHydrated } from "@/components/use-hydrated";
import { CategoryOptions } from "@/components/writing/vocabulary-options";
import { ConflictPanel } from "@/components/writing/conflict-panel";
import { clearLocalCopy } from "@/components/writing/local-draft-copy";
import { ProblemList } from "@/components/writing/problem-list";
import { SaveStatus } from "@/components/writing/save-status";
import { TextField, type TextFieldName } from "@/components/writing/text-field";
import { useDraftAutosave } from "@/components/writing/use-draft-autosave";
import { useWritingEvidence } from "@/components/writing/use-writing-evidence";
import { EvidenceReport } from "@/components/provenance/evidence-report";
import { useItemGuideline } from "@/components/writing/use-item-guideline";
import { useLiveHints } from "@/components/writing/use-live-hints";
import { useEditorShortcuts } from "@/components/writing/use-editor-shortcuts";
import type { GuidelineView } from "@/lib/campaigns/schemas";
import { submitItem } from "@/lib/http/operations/items";
import { itemSchema, type ItemView } from "@/lib/items/schemas";
import { ITEM_VARIETIES, type ItemCategory } from "@/lib/vocabulary";
import type { QualityProblem, QualityReport } from "@/lib/quality/quality-report";
import { qualityReportSchema } from "@/lib/quality/schemas";
import { CATEGORY_SHAPES } from "@/lib/quality/shape-rules";

const TEXT_FIELDS = ["instruction", "context", "response"] as const;
/** What a person cannot see while typing; length is already on the counters. */
const HINT_CODES = new Set(["language_mismatch", "pii_found"]);

interface ItemEditorProps {
  initialItem: ItemView;
  guideline: GuidelineView | null;
  /** The categories the item's campaign collects (the item may move between them while a draft). */
  categories: readonly ItemCategory[];
}

export function ItemEditor({ initialItem, guideline: initialGuideline, categories }: ItemEditorProps) {
  const t = useTranslations();
  const router = useRouter();
  const describeError = useErrorMessage();
  // Authorship evidence: counted from the textareas' events, sent with every save (never keys or text).
  const evidence = useWritingEvidence(initialItem.evidence?.fields ?? null, {
    instruction: initialItem.instruction.length,
    context: initialItem.context?.length ?? 0,
    response: initialItem.response.length,
  });
  const draft = useDraftAutosave(initialItem, initialItem.status === "draft" || initialItem.status === "changes_requested", evidence);
  const { item, fields, setFields } = draft;
  const editable = item.status === "draft" || item.status === "changes_requested";
  const activeTime = useActiveTime("writing", item.id, editable);
  // Until React is attached, typing would not reach the autosave and clicks would do nothing.
  const hydrated = useHydrated();
  const guideline = useItemGuideline(item, initialGuideline);
  const [preview, setPreview] = useState(false);
  const [report, setReport] = useState<QualityReport | null>(null);
  const [justification, setJustification] = useState(initialItem.languageJustification ?? "");
  const [fictional, setFictional] = useState(initialItem.piiDeclaredFictional);
  const [evidenceNote, setEvidenceNote] = useState("");
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [isMac, setIsMac] = useState(false);
  const fieldRefs = useRef<Record<TextFieldName, HTMLTextAreaElement | null>>({ instruction: null, context: null, response: null });
  const shape = CATEGORY_SHAPES[fields.category];
  const contextShown = shape.context.expectation !== "not_expected" || fields.context !== "";
  const sourceShown = fields.context !== "" || fields.sourceUrl !== "" || fields.sourceLicense !== "";

  useEffect(() => setIsMac(/Mac|iPhone|iPad/.test(navigator.platform)), []);

  async function submit() {
    if (!editable || submitting || draft.conflict) return;
    setSubmitting(true);
    setNotice(null);
    try {
      // Writing time is taken only while the item is editable: what was counted goes before the submission.
      const [{ version, confirmed }] = await Promise.all([draft.flush(), activeTime.report()]);
      // Submitting what the server has while newer text waits on this device would submit the wrong text.
      if (!confirmed) {
        setNotice(t("editor.notConfirmed"));
        return;
      }
      const result = await callOperation(submitItem, {
        params: { itemId: item.id },
        body: {
          version,
          languageJustification: justification.trim() || null,
          piiDeclaredFictional: fictional,
          evidence: evidence.snapshot(),
          ...(evidenceNote.trim() ? { evidenceNote: evidenceNote.trim() } : {}),
        },
      });
      clearLocalCopy(item.id);
      setReport(result.quality.problems.length > 0 ? result.quality : null);
      setNotice(t("editor.submitted"));
      draft.setItem(result.item);
      router.refresh();
    } catch (error) {
      const quality = error instanceof ApiRequestError && error.status === 422 ? error.detail("quality", qualityReportSchema) : null;
      const current = error instanceof ApiRequestError && error.status === 409 ? error.detail("current", itemSchema) : null;
      if (quality) {
        setReport(quality);
        setNotice(t("editor.blocked"));
      } else if (current) {
        draft.openConflict(current);
      } else if (error instanceof ApiRequestError) {
        setNotice(describeError(error).text);
      } else {
        setNotice(t("editor.submitOffline"));
      }
    } finally {
      setSubmitting(false);
    }
  }

  useEditorShortcuts({
    save: () => void draft.flush(),
    submit: () => void submit(),
    togglePreview: () => setPreview((shown) => !shown),
    fields: () => TEXT_FIELDS.filter((field) => field !== "context" || contextShown).map((field) => fieldRefs.current[field]),
  });

  const hints = useLiveHints(item.language, fields, editable && hydrated);
  const problemsOf = (field: string): QualityProblem[] =>
    editable ? (report?.problems.filter((problem) => problem.field === field && problem.severity === "block" && !problem.overridden) ?? []) : [];
  const hintsOf = (field: string): QualityProblem[] =>
    editable && !report?.blocked ? (hints?.problems.filter((problem) => problem.field === field && HINT_CODES.has(problem.code)) ?? []) : [];
  const found = (code: string) => [...(report?.problems ?? []), ...(hints?.problems ?? [])].some((problem) => problem.code === code);
  const edit = (update: Parameters<typeof setFields>[0]) => {
    setFields(update);
    // A refused submit's findings describe the old text; the live hints take over from here.
    if (report) setReport(null);
  };

  return (
    <div className="editor-layout">
      <section className="stack" aria-labelledby="editor-title">
        <p className="small-text">
          <Link href="/work">← {t("editor.backToList")}</Link>
        </p>
        <h1 id="editor-title">
          {t(`categories.${fields.category}`)} · {t(`languages.${item.language}`)}{" "}
          <span className="muted" data-testid="item-status">
            ({t(`itemStatuses.${item.status}`)})
          </span>
        </h1>
        {item.status === "changes_requested" && item.latestFeedback && (
          <div className="card feedback" data-testid="feedback">
            <h2>{t("editor.feedbackTitle")}</h2>
            <p className="pre">{item.latestFeedback.comment}</p>
            {item.latestFeedback.citedClauses.length > 0 && (
              <p className="muted" data-testid="feedback-clauses">
                {t("history.citedClauses")}{" "}
                {item.latestFeedback.citedClauses.map((clause) => (
                  <ClauseLink key={clause} clause={clause} />
                ))}
              </p>
            )}
          </div>
        )}
        {draft.conflict && <ConflictPanel server={draft.conflict.server} mine={fields} onChoose={draft.resolveConflict} />}
        {editable ? <SaveStatus state={draft.saveState} refusal={draft.refusal} /> : <p className="muted">{t("editor.readOnly")}</p>}
        {editable && (
          <p className="muted small-text" data-testid="evidence-notice">
            {t("provenance.editorNotice")} <Link href="/about/provenance">{t("provenance.learnMore")}</Link>
          </p>
        )}
        {notice && (
          <p role="status" data-testid="editor-notice">
            {notice}
          </p>
        )}
        {!editable && report && (
          <div data-testid="submit-warnings">
            <ProblemList problems={report.problems.filter((problem) => !problem.overridden)} hint />
          </div>
        )}
        <div className="row">
          {editable && (
            <button type="button" className="secondary small" disabled={!hydrated} onClick={() => setPreview((shown) => !shown)} aria-pressed={preview}>
              {preview ? t("editor.edit") : t("editor.preview")}
            </button>
          )}
          {editable && (
            <span className="muted small-text" data-testid="shortcuts">
              {t("editor.shortcuts", { mod: isMac ? "⌘" : "Ctrl" })}
            </span>
          )}
        </div>
        {editable && (
          <div className="row">
            <label>
              {t("items.category")}
              <select value={fields.category} disabled={!hydrated} onChange={(event) => edit({ category: event.target.value as ItemCategory })}>
                <CategoryOptions categories={categories.includes(fields.category) ? categories : [fields.category, ...categories]} />
              </select>
            </label>
            <label>
              {t("editor.variety")}
              <select value={fields.variety} disabled={!hydrated} onChange={(event) => edit({ variety: event.target.value })}>
                <option value="">{t("editor.noVariety")}</option>
                {ITEM_VARIETIES[item.language].map((variety) => (
                  <option key={variety} value={variety}>
                    {t(`editor.varieties.${variety}` as "editor.varieties.other")}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        {TEXT_FIELDS.map((field) =>
          field === "context" && !contextShown ? null : (
            <TextField
              key={field}
              name={field}
              note={
                field !== "context"
                  ? undefined
                  : shape.context.expectation === "required"
                    ? t("editor.contextRequired")
                    : shape.context.expectation === "optional"
                      ? t("editor.contextOptional")
                      : t("editor.contextNotExpected")
              }
              value={fields[field]}
              limits={field === "context" && shape.context.expectation === "not_expected" ? { min: 0, max: 0 } : shape[field]}
              minimumIfPresent={field === "context" && shape.context.expectation !== "required"}
              showPreview={preview || !editable}
              readOnly={!hydrated}
              problems={problemsOf(field)}
              hints={hintsOf(field)}
              onChange={(value) => edit({ [field]: value })}
              textareaRef={(element) => {
                fieldRefs.current[field] = element;
                evidence.attach(field)(element);
              }}
            />
          ),
        )}
        {sourceShown && (
          <div className="row" data-testid="source">
            <label>
              {t("editor.sourceUrl")}
              <input value={fields.sourceUrl} readOnly={!editable || !hydrated} onChange={(event) => edit({ sourceUrl: event.target.value })} inputMode="url" />
            </label>
            <label>
              {t("editor.sourceLicense")}
              <input value={fields.sourceLicense} readOnly={!editable || !hydrated} onChange={(event) => edit({ sourceLicense: event.target.value })} />
            </label>
          </div>
        )}
        {!editable && fields.variety && (
          <p className="muted">
            {t("editor.variety")}: {t(`editor.varieties.${fields.variety}` as "editor.varieties.other")}
          </p>
        )}
        <ProblemList problems={[...problemsOf("sourceUrl"), ...problemsOf("sourceLicense"), ...problemsOf("item")]} />
        {editable && (found("language_mismatch") || justification !== "") && (
          <label>
            {t("editor.justification")}
            <textarea value={justification} onChange={(event) => setJustification(event.target.value)} rows={2} />
          </label>
        )}
        {editable && (found("pii_found") || fictional) && (
          <label className="inline">
            <input type="checkbox" checked={fictional} onChange={(event) => setFictional(event.target.checked)} /> {t("editor.fictional")}
          </label>
        )}
        {editable && (
          <label>
            {t("provenance.noteInput")}
            <textarea value={evidenceNote} maxLength={1000} rows={2} onChange={(event) => setEvidenceNote(event.target.value)} aria-describedby="evidence-note-hint" />
            <span className="muted small-text" id="evidence-note-hint">
              {t("provenance.noteHint")}
            </span>
          </label>
        )}
        {editable && (
          <div className="row">
            <button type="button" className="secondary" disabled={!hydrated} onClick={() => void draft.flush()}>
              {t("editor.save")}
            </button>
            <button type="button" onClick={() => void submit()} disabled={submitting || Boolean(draft.conflict) || !hydrated}>
              {submitting ? t("editor.submitting") : item.status === "changes_requested" ? t("editor.resubmit") : t("editor.submit")}
            </button>
          </div>
        )}
        <details data-testid="own-evidence">
          <summary>{t("provenance.yourCounters")}</summary>
          <EvidenceReport evidence={item.evidence} heading={t("provenance.yourCountersHeading")} testId="own-evidence-report" />
        </details>
      </section>
      <aside className="guidelines card" aria-labelledby="guidelines-title" data-testid="guidelines">
        {guideline ? (
          <>
            <h2 id="guidelines-title">{t("editor.guidelines", { version: guideline.version })}</h2>
            <SafeMarkdown text={guideline.body} below={2} clauseAnchors />
          </>
        ) : (
          <p className="muted" id="guidelines-title">
            {t("editor.noGuidelines")}
          </p>
        )}
      </aside>
    </div>
  );
}
