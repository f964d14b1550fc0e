"use client";
// One of the item's text fields: label, textarea (or its safe preview), a live counter against the category's
// limits, and the problems and hints that concern it, all tied to the textarea for screen readers.
import { useTranslations } from "next-intl";
import type { Ref } from "react";
import { LazySafeMarkdown as SafeMarkdown } from "@/components/markdown/lazy-safe-markdown";
import { ProblemList } from "@/components/writing/problem-list";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { countCharacters, type LengthLimits } from "@/lib/quality/shape-rules";

export type TextFieldName = "instruction" | "context" | "response";

interface TextFieldProps {
  name: TextFieldName;
  note?: string;
  value: string;
  limits: LengthLimits;
  /** The minimum only applies once something is written (an optional context). */
  minimumIfPresent?: boolean;
  showPreview: boolean;
  readOnly: boolean;
  problems: QualityProblem[];
  hints: QualityProblem[];
  onChange: (value: string) => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

export function TextField({ name, note, value, limits, minimumIfPresent, showPreview, readOnly, problems, hints, onChange, textareaRef }: TextFieldProps) {
  const t = useTranslations("editor");
  const count = countCharacters(value);
  const tooShort = count < limits.min && !(minimumIfPresent && count === 0);
  const outside = tooShort || count > limits.max;
  const counterId = `${name}-counter`;
  const describedBy = [counterId, problems.length > 0 ? `${name}-problems` : "", hints.length > 0 ? `${name}-hints` : ""].filter(Boolean).join(" ");
  return (
    <div className="field" data-field={name}>
      <label htmlFor={showPreview ? undefined : `field-${name}`} id={`${name}-label`}>
        {t(name)}
        {note && <span className="muted field-note"> ({note})</span>}
      </label>
      {showPreview ? (
        <div className="preview" data-testid={`preview-${name}`} role="region" aria-labelledby={`${name}-label`}>
          <SafeMarkdown text={value} />
        </div>
      ) : (
        <textarea
          id={`field-${name}`}
          ref={textareaRef}
          name={name}
          value={value}
          rows={name === "instruction" ? 3 : 8}
          readOnly={readOnly}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={problems.some((problem) => problem.severity === "block") || undefined}
          aria-describedby={describedBy}
        />
      )}
      <p id={counterId} className={outside ? "error small-text" : "muted small-text"} data-testid={`counter-${name}`}>
        {outside ? `⚠ ` : ""}
        {t("chars", { count, min: limits.min, max: limits.max })}
      </p>
      <ProblemList id={`${name}-problems`} problems={problems} />
      <ProblemList id={`${name}-hints`} problems={hints} hint />
    </div>
  );
}
