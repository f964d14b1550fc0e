// Maintainers set a campaign's quota grid as a whole: the cells sent replace every cell there was (a cell left out
// has no target). Cells outside the campaign's languages and categories are refused by their place in the list, and
// nothing is written unless the whole grid is valid.
import type { z } from "zod";
import { assertRole } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { toQuotaCells } from "@/lib/campaigns/campaign-view";
import { replaceQuotasInputSchema, type QuotaGrid } from "@/lib/campaigns/schemas";
import { db } from "@/lib/db";
import { AppError, notFound, type FieldProblem } from "@/lib/errors";

export async function replaceQuotas(
  actor: Viewer,
  campaignId: string,
  input: z.input<typeof replaceQuotasInputSchema>,
): Promise<QuotaGrid> {
  assertRole(actor, "maintainer");
  const { quotas } = replaceQuotasInputSchema.parse(input);
  return db().$transaction(async (tx) => {
    // Exclusive lock: drafts being created (which read the grid under a shared lock) finish first, later ones see the new grid.
    const [campaign] = await tx.$queryRaw<{ languages: string[]; categories: string[] }[]>`
      SELECT languages::text[] AS languages, categories::text[] AS categories FROM campaigns WHERE id = ${campaignId}::uuid FOR UPDATE`;
    if (!campaign) throw notFound("Campaign");
    const problems: FieldProblem[] = quotas.flatMap((quota, index) => [
      ...(campaign.languages.includes(quota.language) ? [] : [{ field: `quotas.${index}.language`, message: "not one of the campaign's languages" }]),
      ...(campaign.categories.includes(quota.category) ? [] : [{ field: `quotas.${index}.category`, message: "not one of the campaign's categories" }]),
    ]);
    if (problems.length > 0) {
      throw new AppError("validation_failed", `Invalid ${problems.map((problem) => problem.field).join(", ")}.`, { fields: problems });
    }
    await tx.campaignQuota.deleteMany({ where: { campaignId } });
    await tx.campaignQuota.createMany({ data: quotas.map((quota) => ({ campaignId, ...quota })) });
    const grid = toQuotaCells(quotas);
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "campaign.quotas_replaced",
      subjectType: "campaign",
      subjectId: campaignId,
      payload: { quotas: grid },
    });
    return { quotas: grid };
  });
}
