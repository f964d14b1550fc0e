// Length and shape rules per category, as one table the editor can also read to show limits and counters.
import { normaliseForDuplicates } from "./duplicate-normalisation";
import { blockingProblem, type CheckedField, type QualityProblem } from "./quality-report";
import type { ItemCategory } from "@/lib/vocabulary";

export interface LengthLimits {
  min: number;
  max: number;
}
export type ContextExpectation = "required" | "optional" | "not_expected";

export interface CategoryShape {
  instruction: LengthLimits;
  context: LengthLimits & { expectation: ContextExpectation };
  response: LengthLimits;
}

const INSTRUCTION: LengthLimits = { min: 10, max: 2_000 };
const CONTEXT_MAX = 12_000;
const RESPONSE_MAX = 8_000;

/**
 * Limits in characters (Unicode code points of the trimmed text, see `countCharacters`). A context's `min`
 * only applies when one is given. Minimum responses follow what each task needs: a label can be one word,
 * a brainstorm or a story cannot.
 */
export const CATEGORY_SHAPES: Readonly<Record<ItemCategory, CategoryShape>> = {
  open_qa: {
    instruction: INSTRUCTION,
    context: { expectation: "not_expected", min: 0, max: CONTEXT_MAX },
    response: { min: 20, max: RESPONSE_MAX },
  },
  general_qa: {
    instruction: INSTRUCTION,
    context: { expectation: "optional", min: 20, max: CONTEXT_MAX },
    response: { min: 20, max: RESPONSE_MAX },
  },
  closed_qa: {
    instruction: INSTRUCTION,
    context: { expectation: "required", min: 100, max: CONTEXT_MAX },
    response: { min: 1, max: RESPONSE_MAX },
  },
  information_extraction: {
    instruction: INSTRUCTION,
    context: { expectation: "required", min: 100, max: CONTEXT_MAX },
    response: { min: 1, max: RESPONSE_MAX },
  },
  summarization: {
    instruction: INSTRUCTION,
    context: { expectation: "required", min: 200, max: CONTEXT_MAX },
    response: { min: 40, max: RESPONSE_MAX },
  },
  classification: {
    instruction: INSTRUCTION,
    context: { expectation: "optional", min: 1, max: CONTEXT_MAX },
    response: { min: 1, max: RESPONSE_MAX },
  },
  brainstorming: {
    instruction: INSTRUCTION,
    context: { expectation: "not_expected", min: 0, max: CONTEXT_MAX },
    response: { min: 80, max: RESPONSE_MAX },
  },
  creative_writing: {
    instruction: INSTRUCTION,
    context: { expectation: "optional", min: 20, max: CONTEXT_MAX },
    response: { min: 150, max: RESPONSE_MAX },
  },
};

/**
 * Leftovers of templates, prompts and drafts, in the four languages and English. Each has an id that the
 * problem carries, so the UI can say what was found.
 */
export const TEMPLATE_PATTERNS: readonly { id: string; pattern: RegExp }[] = [
  // "(?!\()" spares Markdown links such as "[text](https://…)".
  {
    id: "bracket_placeholder",
    pattern:
      /\[\s*(?:insert|inserte|inserta|insertar|inserir|insereix|inseriu|txertatu|idatzi|escribe|escriba|escriu|escribir|write|placeholder|texto|text|testua|nombre|nom|izena|your|tu|su|el teu)\b[^\]]*\](?!\()/iu,
  },
  { id: "lorem_ipsum", pattern: /lorem\s+ipsum/iu },
  { id: "todo_marker", pattern: /\b(?:TODO|FIXME|TBD)\b/u },
  { id: "curly_placeholder", pattern: /\{\{[^{}]*\}\}/u },
  {
    id: "markup_tag",
    pattern:
      /<\/?\s*(?:instruction|instrucci[oó]n|instrucci[oó]|instrukzioa|argibidea|response|respuesta|resposta|erantzuna|context|contexto|testuingurua|input|output|prompt)\s*>/iu,
  },
  {
    id: "field_label",
    pattern:
      /^\s*(?:instruction|instrucci[oó]n|instrucci[oó]|instrución|instrukzioa|argibidea|response|respuesta|resposta|erantzuna|context|contexto|testuingurua)\s*:/iu,
  },
];

/** What the counters show and the limits compare: code points of the trimmed text. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text.trim()) count++;
  return count;
}

export interface ShapeCheckedItem {
  category: ItemCategory;
  instruction: string;
  context?: string | null;
  response: string;
  sourceUrl?: string | null;
  sourceLicense?: string | null;
}

function lengthProblems(field: CheckedField, text: string, limits: LengthLimits): QualityProblem[] {
  const actual = countCharacters(text);
  if (actual < limits.min) return [blockingProblem("too_short", field, { min: limits.min, max: limits.max, actual })];
  if (actual > limits.max) return [blockingProblem("too_long", field, { min: limits.min, max: limits.max, actual })];
  return [];
}

function templateProblems(field: CheckedField, text: string): QualityProblem[] {
  return TEMPLATE_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ id }) =>
    blockingProblem("template_text", field, { pattern: id }),
  );
}

function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".") && !/\s/.test(value);
}

function sourceProblems(sourceUrl: string, sourceLicense: string): QualityProblem[] {
  if (sourceUrl === "" && sourceLicense === "") return [];
  if (sourceUrl === "") return [blockingProblem("source_incomplete", "sourceUrl", { missing: "sourceUrl" })];
  const problems = isHttpUrl(sourceUrl) ? [] : [blockingProblem("source_url_invalid", "sourceUrl")];
  if (sourceLicense === "") problems.push(blockingProblem("source_incomplete", "sourceLicense", { missing: "sourceLicense" }));
  return problems;
}

/** Every shape problem of the item; all of them block and none can be waived. */
export function checkShape(item: ShapeCheckedItem): QualityProblem[] {
  const shape = CATEGORY_SHAPES[item.category];
  const context = item.context?.trim() ?? "";
  const problems = [
    ...lengthProblems("instruction", item.instruction, shape.instruction),
    ...lengthProblems("response", item.response, shape.response),
  ];
  if (context === "" && shape.context.expectation === "required") {
    problems.push(blockingProblem("context_required", "context", { category: item.category }));
  } else if (context !== "" && shape.context.expectation === "not_expected") {
    problems.push(blockingProblem("context_unexpected", "context", { category: item.category }));
  } else if (context !== "") {
    problems.push(...lengthProblems("context", context, shape.context));
  }
  const instruction = normaliseForDuplicates(item.instruction);
  if (instruction !== "" && instruction === normaliseForDuplicates(item.response)) {
    problems.push(blockingProblem("instruction_equals_response", "response"));
  }
  problems.push(...templateProblems("instruction", item.instruction));
  if (context !== "") problems.push(...templateProblems("context", context));
  problems.push(...templateProblems("response", item.response));
  problems.push(...sourceProblems(item.sourceUrl?.trim() ?? "", item.sourceLicense?.trim() ?? ""));
  return problems;
}
