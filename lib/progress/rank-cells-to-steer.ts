// The order in which the new-item page offers cells to a writer: the most needed first, so writers do not overshoot.
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";

export interface SteeringCell {
  campaignId: string;
  campaignName: string;
  language: ItemLanguage;
  category: ItemCategory;
  target: number | null;
  remaining: number | null;
  percentDone: number | null;
}

export type SteeringState = "needed" | "open" | "full";

export function steeringStateOf(cell: Pick<SteeringCell, "target" | "remaining">): SteeringState {
  if (cell.target === null) return "open";
  return cell.remaining! > 0 ? "needed" : "full";
}

const STATE_ORDER: Record<SteeringState, number> = { needed: 0, open: 1, full: 2 };

/**
 * Cells that still need work (remaining after approved and in-review items) first, largest remaining first, ties
 * broken by the lowest % done; then cells without a target (they take anything); full cells last, still shown as
 * full. The sort is stable, so equal cells keep the order they came in (campaign, language, category).
 */
export function rankCellsToSteer<Cell extends SteeringCell>(cells: readonly Cell[]): (Cell & { state: SteeringState })[] {
  return cells
    .map((cell) => ({ ...cell, state: steeringStateOf(cell) }))
    .sort((a, b) => {
      const byState = STATE_ORDER[a.state] - STATE_ORDER[b.state];
      if (byState !== 0 || a.state !== "needed") return byState;
      return b.remaining! - a.remaining! || a.percentDone! - b.percentDone!;
    });
}
