// A campaign opens for writing only when every one of its languages has a published guideline: nobody should write
// (and be reviewed) against rules that do not exist yet.
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ItemLanguage } from "@/lib/vocabulary";

/** Refuses (409, naming `status`, with the languages in `details.languages`) when a language has no guideline. */
export async function assertGuidelinesPublished(
  tx: Prisma.TransactionClient,
  campaignId: string | null,
  languages: readonly ItemLanguage[],
): Promise<void> {
  const published = campaignId
    ? await tx.guideline.findMany({ where: { campaignId, language: { in: [...languages] } }, distinct: ["language"], select: { language: true } })
    : [];
  const covered = new Set(published.map((guideline) => guideline.language));
  const missing = languages.filter((language) => !covered.has(language));
  if (missing.length === 0) return;
  throw new AppError(
    "conflict",
    `A campaign opens for writing only when each of its languages has a published guideline; none yet for: ${missing.join(", ")}.`,
    {
      fields: [{ field: "status", message: `no published guideline for ${missing.join(", ")}` }],
      details: { reason: "guidelines_missing", languages: missing },
    },
  );
}
