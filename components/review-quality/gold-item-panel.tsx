"use client";
// A maintainer marks an approved item as gold, or changes or drops its expectation: the decision a careful reviewer
// reaches, optionally the range every rubric score should fall in, and the explanation shown to those who miss it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { useHydrated } from "@/components/use-hydrated";
import { markGoldItem, unmarkGoldItem } from "@/lib/http/operations/review-quality";
import type { GoldItemView } from "@/lib/review-quality/schemas";
import { REVIEW_DECISIONS, type ReviewDecision } from "@/lib/vocabulary";

const SCORES = [1, 2, 3, 4, 5] as const;

const PLACED = ["expectedDecision", "expectedScoreMin", "expectedScoreMax", "explanation"];

export function GoldItemPanel({ itemId, gold }: { itemId: string; gold: GoldItemView | null }) {
  const t = useTranslations("reviewQuality");
  const tRoot = useTranslations();
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const problems = useFormProblems("gold", failure, PLACED);
  const field = problems.field;

  async function run(action: () => Promise<unknown>, doneText: string) {
    setPending(true);
    setDone(null);
    setFailure(null);
    try {
      await action();
      setDone(doneText);
      router.refresh();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const score = (name: string) => (form.get(name) ? Number(form.get(name)) : null);
    const body = {
      expectedDecision: String(form.get("expectedDecision")) as ReviewDecision,
      expectedScoreMin: score("expectedScoreMin"),
      expectedScoreMax: score("expectedScoreMax"),
      explanation: String(form.get("explanation") ?? ""),
    };
    void run(() => callOperation(markGoldItem, { params: { itemId }, body }), t("goldSaved"));
  }

  return (
    <section className="card stack" aria-labelledby="gold-heading" data-testid="gold-item">
      <h2 id="gold-heading">{t("goldTitle")}</h2>
      <p className="muted">{t("goldHelp")}</p>
      <p data-testid="gold-state">{gold ? t("goldStats", { answered: gold.answered, matched: gold.matched }) : t("notGold")}</p>
      <form className="stack" onSubmit={save}>
        <div className="row">
          <ProblemField label={t("expectedDecision")} placed={field("expectedDecision")}>
            {(attributes) => (
              <select name="expectedDecision" defaultValue={gold?.expectedDecision ?? "approve"} {...attributes}>
                {REVIEW_DECISIONS.map((decision) => (
                  <option key={decision} value={decision}>
                    {tRoot(`reviewScreen.decide.${decision}`)}
                  </option>
                ))}
              </select>
            )}
          </ProblemField>
          {(["expectedScoreMin", "expectedScoreMax"] as const).map((name) => (
            <ProblemField key={name} label={t(name === "expectedScoreMin" ? "expectedMin" : "expectedMax")} placed={field(name)}>
              {(attributes) => (
                <select name={name} defaultValue={gold?.[name] ?? ""} {...attributes}>
                  <option value="">—</option>
                  {SCORES.map((score) => (
                    <option key={score} value={score}>
                      {score}
                    </option>
                  ))}
                </select>
              )}
            </ProblemField>
          ))}
        </div>
        <ProblemField label={t("explanation")} placed={field("explanation")}>
          {(attributes) => (
            <textarea
              name="explanation"
              rows={3}
              maxLength={2000}
              defaultValue={gold?.explanation ?? ""}
              {...attributes}
              aria-describedby={["gold-explanation-hint", attributes["aria-describedby"]].filter(Boolean).join(" ")}
            />
          )}
        </ProblemField>
        <p id="gold-explanation-hint" className="muted small-text">
          {t("explanationHint")}
        </p>
        <div className="row">
          <button type="submit" disabled={!hydrated || pending}>
            {gold ? t("saveGold") : t("markGold")}
          </button>
          {gold && (
            <button
              type="button"
              className="secondary"
              disabled={!hydrated || pending}
              onClick={() => void run(() => callOperation(unmarkGoldItem, { params: { itemId } }), t("goldRemoved"))}
            >
              {t("unmarkGold")}
            </button>
          )}
        </div>
        {done && <p role="status">{done}</p>}
        <ProblemSummary problems={problems} links={PLACED.map(field)} />
      </form>
    </section>
  );
}
