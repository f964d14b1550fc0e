"use client";
// Cited guideline clauses as free tags ("2.1", "4"): typed and added with Enter or a comma, removed one by one.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ClauseLink } from "@/components/reviews/clause-link";

export function ClauseTags({ clauses, error, onChange }: { clauses: string[]; error?: string; onChange: (clauses: string[]) => void }) {
  const t = useTranslations("reviewScreen");
  const [draft, setDraft] = useState("");
  const add = () => {
    const clause = draft.trim().replace(/,$/, "").trim();
    if (clause && !clauses.includes(clause)) onChange([...clauses, clause]);
    setDraft("");
  };
  return (
    <div className="field">
      <label>
        {t("citedClauses")}
        <input
          value={draft}
          placeholder={t("clausePlaceholder")}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" || event.key === ",") {
              event.preventDefault();
              add();
            }
          }}
          onBlur={add}
        />
      </label>
      {clauses.length > 0 && (
        <ul className="tag-list" data-testid="cited-clauses" aria-label={t("citedClauses")}>
          {clauses.map((clause) => (
            <li key={clause}>
              <ClauseLink clause={clause} />{" "}
              <button
                type="button"
                className="link-button"
                aria-label={t("removeClause", { clause })}
                onClick={() => onChange(clauses.filter((other) => other !== clause))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && <p className="error small-text">{error}</p>}
    </div>
  );
}
