"use client";
// One rubric criterion scored 1–5 as a radio group; inside the group the keys 1–5 pick a score directly.
import { useTranslations } from "next-intl";
import type { KeyboardEvent } from "react";
import type { RubricCriterion } from "@/lib/reviews/schemas";

const SCORES = [1, 2, 3, 4, 5] as const;

export function ScoreFieldset({
  criterion,
  value,
  error,
  onChange,
}: {
  criterion: RubricCriterion;
  value: number | null;
  error?: string;
  onChange: (score: number) => void;
}) {
  const t = useTranslations("reviewScreen");
  const tHistory = useTranslations("history");
  const tQuality = useTranslations("reviewQuality");
  const tLabels = useTranslations("uiLabels");
  const pickByDigit = (event: KeyboardEvent<HTMLFieldSetElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !/^[1-5]$/.test(event.key)) return;
    event.preventDefault();
    const score = Number(event.key);
    onChange(score);
    document.getElementById(`score-${criterion}-${score}`)?.focus();
  };
  return (
    <fieldset className="score-group" onKeyDown={pickByDigit} aria-describedby={error ? `score-${criterion}-error` : undefined}>
      <legend>{tHistory(`criteria.${criterion}`)}</legend>
      <div className="row">
        {SCORES.map((score) => (
          <label key={score} className="inline score-option">
            <input
              type="radio"
              id={`score-${criterion}-${score}`}
              name={`score-${criterion}`}
              value={score}
              checked={value === score}
              onChange={() => onChange(score)}
              aria-label={tLabels("scoreWithMeaning", { option: t("scoreOption", { score }), meaning: tQuality(`scoreMeaning.${criterion}.${score}`) })}
              title={tQuality(`scoreMeaning.${criterion}.${score}`)}
            />
            <span aria-hidden="true">{score}</span>
          </label>
        ))}
      </div>
      {/* What each score means under this criterion, in the UI language; the chosen one stands out. */}
      <details className="score-meanings" data-testid={`score-meanings-${criterion}`}>
        <summary className="small-text">{tQuality("scoreMeaningTitle")}</summary>
        <ol className="small-text">
          {SCORES.map((score) => (
            <li key={score} value={score} className={value === score ? "chosen" : undefined}>
              {tQuality(`scoreMeaning.${criterion}.${score}`)}
            </li>
          ))}
        </ol>
      </details>
      {value !== null && (
        <p className="muted small-text" data-testid={`score-meaning-${criterion}`}>
          {tQuality(`scoreMeaning.${criterion}.${value}`)}
        </p>
      )}
      {error && (
        <p className="error small-text" id={`score-${criterion}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
