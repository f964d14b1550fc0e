"use client";
// Publishes a new guideline version for one language of a campaign, starting from the current text.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { callOperation } from "@/components/api-client";
import { useErrorMessage } from "@/components/errors/use-error-message";
import { ProblemField, ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { getGuideline, publishGuideline } from "@/lib/http/operations/campaigns";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";
import { SafeMarkdown } from "@/components/markdown/safe-markdown";
import type { ItemLanguage } from "@/lib/vocabulary";

export function GuidelinePublisher({ campaignId, language, version }: { campaignId: string; language: ItemLanguage; version: number | null }) {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [body, setBody] = useState("");
  const [published, setPublished] = useState<number | null>(null);
  const describeError = useErrorMessage();
  // The editor opens with the current text already in it: opened first and filled when the text arrived, it replaced
  // whatever had been typed in the meantime.
  const loadCurrent = useMutation({
    mutationFn: () => (version ? callOperation(getGuideline, { params: { campaignId, language } }).then((current) => current.body) : Promise.resolve("")),
    onSuccess: (current) => {
      setBody(current);
      setOpen(true);
    },
  });
  const publish = useMutation({
    mutationFn: (text: string) =>
      callOperation(publishGuideline, { params: { campaignId }, body: { language, body: text } }),
    onSuccess: (guideline) => {
      setPublished(guideline.version);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  function openEditor() {
    setPublished(null);
    loadCurrent.mutate();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    publish.mutate(body);
  }

  const languageName = t(`languages.${language}`);
  const problems = useFormProblems(`guideline-${campaignId}-${language}`, publish.error, ["body", "language"]);
  const bodyField = problems.field("body");
  return (
    <div>
      <strong>{languageName}</strong>{" "}
      <span className="muted">{version ? t("campaigns.guidelineVersion", { version }) : t("campaigns.noGuideline")}</span>{" "}
      {!open && (
        <button type="button" className="small" onClick={openEditor} disabled={loadCurrent.isPending} aria-busy={loadCurrent.isPending}>
          {t("campaigns.publishGuideline")}
        </button>
      )}
      {!open && loadCurrent.error && (
        <span role="alert" className="error">
          {" "}
          {describeError(loadCurrent.error).text}
        </span>
      )}
      {published && <span role="status"> {t("campaigns.published", { version: published })}</span>}
      {open && (
        <form className="stack" onSubmit={onSubmit}>
          <ProblemField label={t("campaigns.guidelineBody", { language: languageName })} placed={bodyField}>
            {(attributes) => <textarea value={body} onChange={(event) => setBody(event.target.value)} rows={10} required {...attributes} />}
          </ProblemField>
          {/* The text rendered as it will be published, while it is typed. */}
          <section className="preview" aria-label={t("campaignForm.guidelinePreview")} data-testid="guideline-preview">
            <p className="muted small-text">{t("campaignForm.guidelinePreview")}</p>
            <SafeMarkdown text={body} below={3} />
          </section>
          <ProblemSummary problems={problems} links={[bodyField]} />
          <div className="row">
            <button type="submit" disabled={publish.isPending}>
              {t("campaigns.publishGuideline")}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
