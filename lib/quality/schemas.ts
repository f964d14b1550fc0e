// Zod schemas of the lines `escriba check` reads from JSONL: a bare text, or an item to check in full.
import { z } from "zod";
import { ITEM_CATEGORIES, ITEM_LANGUAGES } from "@/lib/items/vocabulary";

export const textLineSchema = z.object({ text: z.string() });
export type TextLine = z.infer<typeof textLineSchema>;

const optionalText = z.string().nullish();

/**
 * An item as written by the editor (camelCase) or as found in a release file (source_url / source_license),
 * optionally with the author's overrides, so imports can carry them.
 */
export const itemLineSchema = z
  .object({
    language: z.enum(ITEM_LANGUAGES),
    category: z.enum(ITEM_CATEGORIES),
    instruction: z.string(),
    context: optionalText,
    response: z.string(),
    sourceUrl: optionalText,
    sourceLicense: optionalText,
    source_url: optionalText,
    source_license: optionalText,
    languageJustification: optionalText,
    piiDeclaredFictional: z.boolean().optional(),
  })
  .transform(({ source_url, source_license, languageJustification, piiDeclaredFictional, ...item }) => ({
    item: {
      ...item,
      sourceUrl: item.sourceUrl ?? source_url ?? null,
      sourceLicense: item.sourceLicense ?? source_license ?? null,
    },
    overrides: { languageJustification: languageJustification ?? null, piiDeclaredFictional: piiDeclaredFictional ?? false },
  }));
export type ItemLine = z.output<typeof itemLineSchema>;

export const piiMatchOutputSchema = z.object({
  type: z.enum(["email", "phone", "dni", "nie", "iban", "card", "ip"]),
  start: z.number().int(),
  end: z.number().int(),
});

export const textResultLineSchema = z.object({
  language: z.enum(["es", "ca", "eu", "gl", "other"]),
  confidence: z.number(),
  pii: z.array(piiMatchOutputSchema),
});

export const errorLineSchema = z.object({
  error: z.object({ line: z.number().int().positive(), message: z.string() }),
});
