"use client";
// The quota grid of a campaign: a target per language (rows) and category (columns), with row and column totals that
// follow the typing. Pasting a block copied from a spreadsheet (tab-separated columns, one line per row) into a cell
// fills the grid from that cell. Saved as a whole; an empty cell has no target.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState, type ClipboardEvent, type FormEvent } from "react";
import { ApiRequestError, callOperation } from "@/components/api-client";
import { useCampaignErrorText } from "@/components/campaigns/campaign-error-text";
import { CAMPAIGNS_KEY } from "@/components/campaigns/campaigns-query";
import type { CampaignView, QuotaCell } from "@/lib/campaigns/schemas";
import { replaceQuotas } from "@/lib/http/operations/campaigns";
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";
import { TableRegion } from "@/components/layout/table-region";

type CellKey = `${ItemLanguage}/${ItemCategory}`;
const keyOf = (language: ItemLanguage, category: ItemCategory): CellKey => `${language}/${category}`;
const WHOLE_NUMBER = /^\d+$/;

/** A cell's target, null when empty or not a whole number (such a cell is marked and refused by the server). */
const targetOf = (text: string | undefined) => (text !== undefined && WHOLE_NUMBER.test(text.trim()) ? Number(text.trim()) : null);

export function QuotaGrid({ campaign }: { campaign: CampaignView }) {
  const t = useTranslations();
  const format = useFormatter();
  const errorText = useCampaignErrorText();
  const queryClient = useQueryClient();
  const { languages, categories } = campaign;
  const [cells, setCells] = useState<Partial<Record<CellKey, string>>>(() =>
    Object.fromEntries(campaign.quotas.map((quota) => [keyOf(quota.language, quota.category), String(quota.target)])),
  );
  const [sent, setSent] = useState<CellKey[]>([]);
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (quotas: QuotaCell[]) => callOperation(replaceQuotas, { params: { campaignId: campaign.id }, body: { quotas } }),
    onSuccess: () => {
      setSaved(true);
      void queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
    },
  });

  const setCell = (key: CellKey, value: string) => {
    setSaved(false);
    setCells((current) => ({ ...current, [key]: value }));
  };

  function onPaste(event: ClipboardEvent<HTMLInputElement>, row: number, column: number) {
    const text = event.clipboardData.getData("text/plain");
    if (!/[\t\r\n]/.test(text.replace(/[\r\n]+$/, ""))) return; // one value pastes like any text
    event.preventDefault();
    const block = text
      .replace(/\r\n?/g, "\n")
      .replace(/\n+$/, "")
      .split("\n")
      .map((line) => line.split("\t"));
    setSaved(false);
    setCells((current) => {
      const next = { ...current };
      block.forEach((values, rowOffset) =>
        values.forEach((value, columnOffset) => {
          const language = languages[row + rowOffset];
          const category = categories[column + columnOffset];
          if (language && category) next[keyOf(language, category)] = value.trim();
        }),
      );
      return next;
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const filled = languages.flatMap((language) =>
      categories.flatMap((category) => {
        const text = (cells[keyOf(language, category)] ?? "").trim();
        return text === "" ? [] : [{ key: keyOf(language, category), quota: { language, category, target: targetOf(text) ?? Number(text) } }];
      }),
    );
    setSent(filled.map((entry) => entry.key));
    setSaved(false);
    save.mutate(filled.map((entry) => entry.quota));
  }

  // The cells the server named (quotas.<i>.target) are marked as well as those that are not whole numbers.
  const refused = new Set(
    save.error instanceof ApiRequestError
      ? save.error.failure.fields.flatMap((problem) => {
          const index = /^quotas\.(\d+)/.exec(problem.field)?.[1];
          return index !== undefined && sent[Number(index)] ? [sent[Number(index)]!] : [];
        })
      : [],
  );
  const isInvalid = (key: CellKey) => {
    const text = (cells[key] ?? "").trim();
    return (text !== "" && targetOf(text) === null) || refused.has(key);
  };
  const sum = (keys: CellKey[]) => keys.reduce((total, key) => total + (targetOf(cells[key]) ?? 0), 0);
  const rowTotal = (language: ItemLanguage) => sum(categories.map((category) => keyOf(language, category)));
  const columnTotal = (category: ItemCategory) => sum(languages.map((language) => keyOf(language, category)));
  const grandTotal = sum(languages.flatMap((language) => categories.map((category) => keyOf(language, category))));

  return (
    <form className="stack" onSubmit={onSubmit} aria-label={t("campaignSetup.quotaGrid")}>
      <h3>{t("campaignSetup.quotaGrid")}</h3>
      <p className="muted small-text">{t("campaignSetup.quotaGridHelp")}</p>
      <TableRegion label={t("campaignSetup.quotaGrid")} className="quota-grid-scroll">
        <table className="quota-grid">
          <thead>
            <tr>
              <th scope="col">{t("items.language")}</th>
              {categories.map((category) => (
                <th key={category} scope="col">
                  {t(`categories.${category}`)}
                </th>
              ))}
              <th scope="col" className="quota-total">
                {t("campaignSetup.total")}
              </th>
            </tr>
          </thead>
          <tbody>
            {languages.map((language, row) => (
              <tr key={language}>
                <th scope="row">{t(`languages.${language}`)}</th>
                {categories.map((category, column) => {
                  const key = keyOf(language, category);
                  return (
                    <td key={category}>
                      <input
                        inputMode="numeric"
                        aria-label={t("campaignSetup.cellLabel", { language: t(`wording.languageInSentence.${language}`), category: t(`categories.${category}`) })}
                        aria-invalid={isInvalid(key)}
                        value={cells[key] ?? ""}
                        onChange={(event) => setCell(key, event.target.value)}
                        onPaste={(event) => onPaste(event, row, column)}
                      />
                    </td>
                  );
                })}
                <td className="quota-total" data-testid={`quota-total-${language}`}>
                  {format.number(rowTotal(language))}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("campaignSetup.total")}</th>
              {categories.map((category) => (
                <td key={category} className="quota-total" data-testid={`quota-total-${category}`}>
                  {format.number(columnTotal(category))}
                </td>
              ))}
              <td className="quota-total" data-testid="quota-total">
                {format.number(grandTotal)}
              </td>
            </tr>
          </tfoot>
        </table>
      </TableRegion>
      {languages.some((language) => categories.some((category) => isInvalid(keyOf(language, category)))) && (
        <p className="error">{t("campaignSetup.cellInvalid")}</p>
      )}
      {save.error && (
        <p role="alert" className="error">
          {errorText(save.error)}
        </p>
      )}
      {saved && <p role="status">{t("campaignSetup.quotasSaved")}</p>}
      <div>
        <button type="submit" disabled={save.isPending}>
          {t("campaignSetup.saveQuotas")}
        </button>
      </div>
    </form>
  );
}
