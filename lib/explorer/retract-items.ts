// Retracts every approved item of a selection with one reason: each through the single retraction use case, so each
// is audited (and refused when it changed meanwhile) exactly as if a maintainer had retracted it alone.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { AppError } from "@/lib/errors";
import { selectedItemBatches } from "@/lib/explorer/export-items";
import { bulkRetractInputSchema } from "@/lib/explorer/schemas";
import { retractItem } from "@/lib/items/retract-item";

export async function retractItems(
  actor: Viewer,
  input: z.input<typeof bulkRetractInputSchema>,
): Promise<{ retracted: string[]; skipped: number }> {
  assertRole(actor, "maintainer");
  const { selection, reason } = bulkRetractInputSchema.parse(input);
  const approved: string[] = [];
  let skipped = 0;
  for await (const batch of selectedItemBatches(actor, selection.ids ? { ids: selection.ids } : { filter: selection.filter ?? {} })) {
    for (const item of batch) {
      if (item.status === "approved") approved.push(String(item.externalId));
      else skipped += 1;
    }
  }
  const retracted: string[] = [];
  for (const itemId of approved) {
    try {
      await retractItem(actor, itemId, { reason });
      retracted.push(itemId);
    } catch (error) {
      // Retracted or changed by someone else since it was selected: left as it is now.
      if (error instanceof AppError && error.code === "conflict") skipped += 1;
      else throw error;
    }
  }
  return { retracted, skipped };
}
