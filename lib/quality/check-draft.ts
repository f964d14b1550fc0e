// Live hints while typing: the checks that need no stored data, on text that has not been saved yet.
import type { z } from "zod";
import { checkItem, type QualityReport } from "@/lib/quality/check-item";
import { draftCheckInputSchema } from "@/lib/quality/schemas";

export function checkDraft(input: z.input<typeof draftCheckInputSchema>): QualityReport {
  const { languageJustification, piiDeclaredFictional, ...item } = draftCheckInputSchema.parse(input);
  return checkItem(item, { languageJustification, piiDeclaredFictional });
}
