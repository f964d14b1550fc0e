"use client";
// The cells of the writer's languages that still need items, most needed first: choosing one fills in campaign,
// language and category. Full cells are listed last, marked full. Figures arrive formatted by the server (see
// components/progress/format-day.ts for why).
import { useTranslations } from "next-intl";
import type { RankedSteeringCell } from "@/lib/progress/list-cells-to-steer";

export type PresentedSteeringCell = RankedSteeringCell & { figures: { remaining: string; target: string; percent: string } | null };

export interface CellChoice {
  campaignId: string;
  language: string;
  category: string;
}

export const cellKey = (cell: CellChoice) => `${cell.campaignId}/${cell.language}/${cell.category}`;

export function SteeringChoices({
  cells,
  selected,
  showCampaign,
  onChoose,
}: {
  cells: PresentedSteeringCell[];
  selected: CellChoice;
  showCampaign: boolean;
  onChoose: (cell: PresentedSteeringCell) => void;
}) {
  const t = useTranslations();
  const selectedKey = cellKey(selected);
  const status = (cell: PresentedSteeringCell) => {
    if (cell.state === "open" || !cell.figures) return t("steering.open");
    if (cell.state === "full") return t("steering.full");
    return t("steering.needed", { count: cell.remaining!, ...cell.figures });
  };
  return (
    <fieldset data-testid="steering">
      <legend>{t("steering.title")}</legend>
      <p className="muted">{t("steering.intro")}</p>
      <div className="steering-cells">
        {cells.map((cell) => (
          <label key={cellKey(cell)} className={cell.state === "full" ? "steering-full" : undefined} data-testid={`steer-${cell.campaignId}-${cell.language}-${cell.category}`}>
            <input type="radio" name="cell" checked={cellKey(cell) === selectedKey} onChange={() => onChoose(cell)} />
            <span>
              <strong>
                {t(`languages.${cell.language}`)} · {t(`categories.${cell.category}`)}
              </strong>
              {showCampaign && <> ({cell.campaignName})</>} — {status(cell)}
              <br />
              <span className="muted">{t(`steering.descriptions.${cell.category}`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
