"use client";
// Maintainers open a campaign: its short name, then the fields it shares with its settings (campaign-fields.tsx).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { callOperation } from "@/components/api-client";
import { ProblemSummary, useFormProblems } from "@/components/errors/use-form-problems";
import { CAMPAIGN_FIELD_NAMES, CampaignFields, readCampaignFields } from "@/components/campaigns/campaign-fields";
import type { createCampaignInputSchema } from "@/lib/campaigns/schemas";
import { createCampaign } from "@/lib/http/operations/campaigns";
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/vocabulary";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";

const PLACED = ["slug", ...CAMPAIGN_FIELD_NAMES];
const NEW_CAMPAIGN = {
  name: "",
  description: "",
  approvalsRequired: 1,
  ratePerApprovedItem: "0.00",
  currency: "EUR",
  languages: ITEM_LANGUAGES,
  categories: ITEM_CATEGORIES,
} as const;

export function CreateCampaignForm() {
  const t = useTranslations();
  const queryClient = useQueryClient();
  const [done, setDone] = useState(false);
  const create = useMutation({
    mutationFn: (input: z.input<typeof createCampaignInputSchema>) => callOperation(createCampaign, { body: input }),
    onSuccess: () => {
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });
  const problems = useFormProblems("campaign", create.error, PLACED);
  const slug = problems.field("slug");

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setDone(false);
    create.mutate({ slug: String(form.get("slug") ?? ""), ...readCampaignFields(form) });
  }

  return (
    <form className="card stack" onSubmit={onSubmit} aria-label={t("campaigns.create")}>
      <h2>{t("campaigns.create")}</h2>
      <CampaignFields
        values={NEW_CAMPAIGN}
        problems={problems}
        beside={
          <div className="field">
            <label>
              {t("campaigns.slug")}
              <input
                name="slug"
                required
                pattern="[a-z0-9]+(-[a-z0-9]+)*"
                maxLength={60}
                {...slug.attributes}
                aria-describedby={["campaign-slug-rule", slug.attributes["aria-describedby"]].filter(Boolean).join(" ")}
                // The browser's own message for a pattern mismatch says nothing about the rule; this one does.
                onInvalid={(event) => event.currentTarget.setCustomValidity(t("campaignForm.slugRule"))}
                onInput={(event) => event.currentTarget.setCustomValidity("")}
              />
            </label>
            {/* Outside the label, so that the field's name stays the label's words and the rule is its description. */}
            <span id="campaign-slug-rule" className="muted small-text">
              {t("campaignForm.slugRule")}
            </span>
            {slug.line}
          </div>
        }
      />
      <ProblemSummary problems={problems} links={PLACED.map(problems.field)} />
      {done && <p role="status">{t("campaigns.created")}</p>}
      <button type="submit" disabled={create.isPending}>
        {t("campaigns.create")}
      </button>
    </form>
  );
}
