"use client";
// The reviewer's decision: rubric scores, comment, cited clauses, optional text corrections, and the three
// decisions as buttons and as keyboard shortcuts (Alt+Shift+A / C / R).
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { ApiRequestError } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { ClauseTags } from "@/components/reviews/clause-tags";
import type { DecisionInput } from "@/components/reviews/review-queries";
import { ScoreFieldset } from "@/components/reviews/score-fieldset";
import { ProblemList } from "@/components/writing/problem-list";
import { TextDiff, TEXT_FIELDS, type ItemText } from "@/components/reviews/word-diff";
import { useHydrated } from "@/components/use-hydrated";
import { useWritingEvidence } from "@/components/writing/use-writing-evidence";
import type { ItemView } from "@/lib/items/schemas";
import { qualityReportSchema } from "@/lib/quality/schemas";
import { RUBRIC, type RubricCriterion } from "@/lib/reviews/schemas";
import { ProblemLinks } from "@/components/errors/use-form-problems";

export type Decision = DecisionInput["decision"];
export const DECISION_SHORTCUTS: Record<Decision, string> = { approve: "KeyA", request_changes: "KeyC", reject: "KeyR" };
const DECISIONS: Decision[] = ["approve", "request_changes", "reject"];

export function DecisionForm({
  item,
  pending,
  error,
  onDecide,
}: {
  item: ItemView;
  pending: boolean;
  error: unknown;
  onDecide: (input: DecisionInput) => void;
}) {
  const t = useTranslations("reviewScreen");
  const tHistory = useTranslations("history");
  const tEditor = useTranslations("editor");
  const tChecks = useTranslations("decisionChecks");
  const hydrated = useHydrated();
  const describeError = useErrorMessage();
  const [scores, setScores] = useState<Record<RubricCriterion, number | null>>(
    () => Object.fromEntries(RUBRIC.map((criterion) => [criterion, null])) as Record<RubricCriterion, number | null>,
  );
  const [comment, setComment] = useState("");
  const [clauses, setClauses] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState<ItemText>({ instruction: item.instruction, context: item.context, response: item.response });
  const [justification, setJustification] = useState("");
  const [fictional, setFictional] = useState(false);
  // The reviewer's own counters for their edits, apart from the author's.
  const evidence = useWritingEvidence(null, {
    instruction: item.instruction.length,
    context: item.context?.length ?? 0,
    response: item.response.length,
  });

  // What the browser can tell before sending: scores not chosen, and the comment a send-back or rejection needs.
  const [attempted, setAttempted] = useState<Decision | null>(null);
  const missingScores = RUBRIC.filter((criterion) => scores[criterion] === null);
  const needsComment = (decision: Decision) => decision !== "approve" && comment.trim() === "";
  const localProblems = attempted
    ? [
        ...missingScores.map((criterion) => ({ key: `scores.${criterion}`, target: `score-${criterion}-1`, text: tChecks("score", { criterion: tHistory(`criteria.${criterion}`) }) })),
        ...(needsComment(attempted) ? [{ key: "comment", target: "decision-comment", text: tChecks("comment") }] : []),
      ]
    : [];
  const summaryRef = useRef<HTMLDivElement>(null);

  const fieldErrors = new Map<string, string>();
  for (const problem of localProblems) fieldErrors.set(problem.key, problem.key === "comment" ? t("commentRequired") : t("scoreRequired"));
  if (localProblems.length === 0 && error instanceof ApiRequestError && error.status === 422) {
    for (const { field, text } of describeError(error).fields) {
      const key = field.startsWith("citedClauses") ? "citedClauses" : field;
      fieldErrors.set(key, key.startsWith("scores.") ? t("scoreRequired") : key === "comment" ? t("commentRequired") : text);
    }
  }

  // Edits are checked like a submission: what blocks them comes back with the whole quality report.
  const editReport = error instanceof ApiRequestError && error.status === 422 ? error.detail("quality", qualityReportSchema) : null;
  const blockingIn = (field: string) =>
    editReport?.problems.filter((problem) => problem.field === field && problem.severity === "block" && !problem.overridden) ?? [];
  const editBlockedBy = (code: string) => editReport?.problems.some((problem) => problem.code === code && !problem.overridden) ?? false;

  const decide = (decision: Decision) => {
    if (pending) return;
    if (missingScores.length > 0 || needsComment(decision)) {
      setAttempted(decision);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setAttempted(null);
    const edits: NonNullable<DecisionInput["edits"]> = {};
    if (editing) {
      if (text.instruction !== item.instruction) edits.instruction = text.instruction;
      if ((text.context || null) !== item.context) edits.context = text.context || null;
      if (text.response !== item.response) edits.response = text.response;
    }
    onDecide({
      version: item.version,
      decision,
      scores,
      comment,
      citedClauses: clauses,
      ...(Object.keys(edits).length > 0 ? { edits, evidence: evidence.snapshot() } : {}),
      ...(justification.trim() ? { languageJustification: justification.trim() } : {}),
      ...(fictional ? { piiDeclaredFictional: true } : {}),
    });
  };
  // The shortcut listener lives once; it always calls the latest `decide`, which sees the latest form state.
  const decideRef = useRef(decide);
  decideRef.current = decide;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
      const decision = DECISIONS.find((candidate) => DECISION_SHORTCUTS[candidate] === event.code);
      if (!decision) return;
      event.preventDefault();
      decideRef.current(decision);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <form className="card stack" aria-labelledby="decision-heading" onSubmit={(event) => event.preventDefault()} data-testid="decision-form">
      <h2 id="decision-heading">{t("decisionTitle")}</h2>
      {/* Until React is attached, a click or a typed score would be lost: the whole form waits for it. */}
      <fieldset className="plain-fieldset stack" disabled={!hydrated}>
        <div className="row">
          <button type="button" className="secondary" aria-pressed={editing} onClick={() => setEditing(!editing)}>
            {editing ? t("stopEditing") : t("editText")}
          </button>
          {editing && <span className="muted small-text">{t("editHint")}</span>}
        </div>
        {editing && (
          <div className="stack" data-testid="edit-text">
            {TEXT_FIELDS.map((field) => (
              <label key={field}>
                {tHistory(`fields.${field}`)}
                <textarea
                  ref={evidence.attach(field)}
                  rows={field === "instruction" ? 3 : 6}
                  value={text[field] ?? ""}
                  onChange={(event) => setText({ ...text, [field]: event.target.value })}
                />
                {editReport ? (
                  <ProblemList problems={blockingIn(field)} />
                ) : (
                  fieldErrors.get(`edits.${field}`) && <span className="error small-text">{fieldErrors.get(`edits.${field}`)}</span>
                )}
              </label>
            ))}
            <ProblemList problems={[...blockingIn("sourceUrl"), ...blockingIn("sourceLicense"), ...blockingIn("item")]} />
            {(editBlockedBy("language_mismatch") || justification !== "") && (
              <label>
                {tEditor("justification")}
                <textarea value={justification} onChange={(event) => setJustification(event.target.value)} rows={2} />
              </label>
            )}
            {(editBlockedBy("pii_found") || fictional) && (
              <label className="inline">
                <input type="checkbox" checked={fictional} onChange={(event) => setFictional(event.target.checked)} /> {tEditor("fictional")}
              </label>
            )}
            <h3>{t("yourChanges")}</h3>
            <TextDiff before={item} after={text} testId="edit-diff" />
          </div>
        )}
        <div className="score-grid">
          {RUBRIC.map((criterion) => (
            <ScoreFieldset
              key={criterion}
              criterion={criterion}
              value={scores[criterion]}
              error={fieldErrors.get(`scores.${criterion}`)}
              onChange={(score) => setScores((current) => ({ ...current, [criterion]: score }))}
            />
          ))}
        </div>
        <p className="muted small-text">{t("digitHint")}</p>
        <label>
          {t("comment")}
          <textarea
            id="decision-comment"
            rows={4}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            aria-invalid={fieldErrors.has("comment")}
            aria-describedby={fieldErrors.has("comment") ? "comment-error" : undefined}
          />
          <span className="muted small-text">{t("commentHint")}</span>
          {fieldErrors.get("comment") && (
            <span className="error small-text" id="comment-error" data-testid="comment-error">
              {fieldErrors.get("comment")}
            </span>
          )}
        </label>
        <ClauseTags clauses={clauses} error={fieldErrors.get("citedClauses")} onChange={setClauses} />
        {localProblems.length > 0 && (
          <div ref={summaryRef} tabIndex={-1} role="alert" className="card error-box" data-testid="decision-missing">
            <p className="error">{tChecks("title")}</p>
            <ProblemLinks links={localProblems} />
          </div>
        )}
        <p id="decision-scores-left" className="muted small-text" aria-live="polite">
          {tChecks("scoresLeft", { count: missingScores.length })}
        </p>
        <div className="row">
          {DECISIONS.map((decision) => (
            <button
              key={decision}
              type="button"
              className={`decision-button decision-${decision}`}
              disabled={pending}
              aria-keyshortcuts={`Alt+Shift+${DECISION_SHORTCUTS[decision].slice(3)}`}
              aria-describedby="decision-scores-left"
              onClick={() => decide(decision)}
            >
              {t(`decide.${decision}`)}
            </button>
          ))}
        </div>
      </fieldset>
    </form>
  );
}
