// escriba's shared vocabulary, at the bottom of lib/: the words every domain uses (languages, categories, statuses,
// decisions, roles, UI locales, personal-data types, problem codes, text limits), each declared once, with the zod
// schemas that validate them and name them in the OpenAPI document. Every domain imports from here; nothing here
// imports from a domain.
import { z } from "zod";
import { textSchema } from "@/lib/input-schemas";

export const ITEM_LANGUAGES = ["es", "ca", "eu", "gl"] as const;
export type ItemLanguage = (typeof ITEM_LANGUAGES)[number];

/**
 * Languages the language identifier tells apart from the four above and reports as "other": Portuguese,
 * French, Italian, English, German, Occitan (incl. Aranese), Asturian, Aragonese. Their codes appear in a
 * check's `alternatives`, and the UI names them ("looks like Portuguese").
 */
export const NEIGHBOUR_LANGUAGES = ["pt", "fr", "it", "en", "de", "oc", "ast", "an"] as const;
export type NeighbourLanguage = (typeof NEIGHBOUR_LANGUAGES)[number];

export const ITEM_VARIETIES: Record<ItemLanguage, readonly string[]> = {
  es: ["peninsular", "other"],
  ca: ["central", "valencia", "balear", "nord-occidental"],
  eu: ["batua", "dialectal"],
  gl: ["normativo"],
};

export const ITEM_CATEGORIES = [
  "open_qa",
  "closed_qa",
  "brainstorming",
  "classification",
  "summarization",
  "information_extraction",
  "creative_writing",
  "general_qa",
] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** Categories whose instruction is answered from a given passage, so the item must carry it. */
export const CATEGORIES_REQUIRING_CONTEXT: ReadonlySet<ItemCategory> = new Set([
  "closed_qa",
  "summarization",
  "information_extraction",
]);

export const ITEM_FIELDS = ["instruction", "context", "response"] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** An item's states, in the order of its lifecycle (the order lists and filters show them in). */
export const ITEM_STATUSES = ["draft", "submitted", "changes_requested", "approved", "rejected", "retracted"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

export const REVIEW_DECISIONS = ["approve", "request_changes", "reject"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Each role can do everything the roles before it can. */
export const ROLES = ["annotator", "reviewer", "maintainer"] as const;
export type Role = (typeof ROLES)[number];

/** Languages of the interface, independent of the language a person writes in. */
export const UI_LOCALES = ["es", "ca", "eu", "gl", "en"] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export const PII_TYPES = ["email", "phone", "dni", "nie", "iban", "card", "ip"] as const;
export type PiiType = (typeof PII_TYPES)[number];

/** Every problem a quality check reports; the UI's catalogs have one message per code (quality.<code>). */
export const PROBLEM_CODES = [
  "language_mismatch",
  "pii_found",
  "too_short",
  "too_long",
  "context_required",
  "context_unexpected",
  "instruction_equals_response",
  "template_text",
  "source_incomplete",
  "source_url_invalid",
  "exact_duplicate",
  "near_duplicate",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const PROBLEM_FIELDS = ["instruction", "context", "response", "sourceUrl", "sourceLicense", "item"] as const;
export type ProblemField = (typeof PROBLEM_FIELDS)[number];

/**
 * Hard ceilings (in characters) for what an item may store; the per-category rules that block submission are in
 * lib/quality/shape-rules.ts.
 */
export const ITEM_TEXT_LIMITS = {
  instruction: 20_000,
  context: 60_000,
  response: 60_000,
  sourceUrl: 2000,
  sourceLicense: 200,
  variety: 40,
  languageJustification: 1000,
} as const;

export const languageSchema = z.enum(ITEM_LANGUAGES).meta({ id: "Language" });
export const categorySchema = z.enum(ITEM_CATEGORIES).meta({ id: "Category" });
export const itemStatusSchema = z.enum(ITEM_STATUSES).meta({ id: "ItemStatus" });
export const reviewDecisionSchema = z.enum(REVIEW_DECISIONS).meta({ id: "ReviewDecision" });
export const roleSchema = z.enum(ROLES).meta({ id: "Role", description: "Each role includes the ones before it." });
export const uiLocaleSchema = z.enum(UI_LOCALES).meta({ id: "UiLocale" });

const limited = (field: keyof typeof ITEM_TEXT_LIMITS) =>
  textSchema().max(ITEM_TEXT_LIMITS[field], { message: `at most ${ITEM_TEXT_LIMITS[field]} characters` });

/**
 * An item's text fields as they may be stored, the one declaration every input that carries item text derives from
 * (drafts, saves, live checks, reviewers' edits) with `.pick`, `.partial` or `.extend`.
 */
export const itemTextSchema = z.object({
  variety: limited("variety").nullable(),
  instruction: limited("instruction"),
  context: limited("context").nullable(),
  response: limited("response"),
  sourceUrl: limited("sourceUrl").trim().nullable(),
  sourceLicense: limited("sourceLicense").trim().nullable(),
});

/** What an author (or a reviewer editing) may declare about problems the checks find. */
export const qualityDeclarationsSchema = z.object({
  languageJustification: limited("languageJustification").trim().nullable(),
  piiDeclaredFictional: z.boolean(),
});
