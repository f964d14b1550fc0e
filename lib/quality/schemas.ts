// Zod schemas of the lines `escriba check` reads from JSONL: a bare text, or an item to check in full.
import { z } from "zod";
import {
  categorySchema,
  ITEM_LANGUAGES,
  itemTextSchema,
  NEIGHBOUR_LANGUAGES,
  languageSchema,
  PII_TYPES,
  PROBLEM_CODES,
  PROBLEM_FIELDS,
  qualityDeclarationsSchema,
} from "@/lib/vocabulary";

export const textLineSchema = z.object({ text: z.string() });
export type TextLine = z.infer<typeof textLineSchema>;

const optionalText = z.string().nullish();

/**
 * An item as written by the editor (camelCase) or as found in a release file (source_url / source_license),
 * optionally with the author's overrides, so imports can carry them.
 */
export const itemLineSchema = z
  .object({
    language: languageSchema,
    category: categorySchema,
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

/** What the language identifier can say of a text: one of the four languages, or something else. */
const detectedLanguageSchema = z.enum([...ITEM_LANGUAGES, "other"]);

/** One of the likeliest languages behind a verdict, in the identifier's fine-grained codes. */
export const languageAlternativeSchema = z
  .object({
    language: z.enum([...ITEM_LANGUAGES, ...NEIGHBOUR_LANGUAGES]),
    probability: z.number().min(0).max(1),
  })
  .meta({
    id: "LanguageAlternative",
    description:
      "A language the identifier considered, with its probability (3 decimals). Codes: es, ca, eu, gl, and the neighbours reported as \"other\": pt, fr, it, en, de, oc (incl. Aranese), ast, an.",
  });

const alternativesSchema = z
  .array(languageAlternativeSchema)
  .describe("The likeliest languages (at most 3), most probable first; empty for text without letters.");

export const piiMatchOutputSchema = z.object({
  type: z.enum(PII_TYPES),
  start: z.number().int(),
  end: z.number().int(),
  // Optional, so reports stored before it existed still parse; absent means written plainly.
  obfuscated: z
    .literal(true)
    .optional()
    .describe('Present (true) on an e-mail address written out to dodge harvesters, e.g. "ana arroba gmail punto com".'),
});

export const textResultLineSchema = z.object({
  language: detectedLanguageSchema,
  confidence: z.number(),
  alternatives: alternativesSchema,
  pii: z.array(piiMatchOutputSchema),
});

export const errorLineSchema = z.object({
  error: z.object({ line: z.number().int().positive(), message: z.string() }),
});

/** The editor's live-hint request: the unsaved text of a draft and the author's overrides. */
export const draftCheckInputSchema = z
  .object({
    language: languageSchema,
    category: categorySchema,
    ...itemTextSchema.pick({ instruction: true, response: true }).shape,
    ...itemTextSchema.pick({ context: true, sourceUrl: true, sourceLicense: true }).partial().shape,
    ...qualityDeclarationsSchema.partial().shape,
  })
  .strict()
  .meta({ id: "DraftCheckInput" });

export const fieldReportSchema = z.object({
  // alternatives is optional so that reports stored before it existed still parse.
  language: z.object({ language: detectedLanguageSchema, confidence: z.number(), alternatives: alternativesSchema.optional() }),
  pii: z.array(piiMatchOutputSchema),
  length: z.number().int(),
});

/** One finding: its code is translated by the UI's catalogs, its params fill the message. */
export const qualityProblemSchema = z.object({
  code: z.enum(PROBLEM_CODES),
  field: z.enum(PROBLEM_FIELDS),
  severity: z.enum(["block", "warn"]),
  overridable: z.boolean(),
  overridden: z.boolean(),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .describe(
      "What fills the problem's message. language_mismatch: detected (es, ca, eu, gl or other), expected, confidence (how sure the check is that the field is not in the expected language), likely (for other, the likeliest neighbour: pt, fr, it, en, de, oc, ast, an) and, when the field is blocked only because the expected language is ruled out, alsoLikely (the second likeliest language, fine-grained code).",
    ),
});

export const qualityReportSchema = z
  .object({
    fields: z.object({
      instruction: fieldReportSchema.optional(),
      context: fieldReportSchema.optional(),
      response: fieldReportSchema.optional(),
    }),
    problems: z.array(qualityProblemSchema),
    blocked: z.boolean(),
  })
  .meta({ id: "QualityReport" });
