// Language identification of item text: which of es, ca, eu, gl it is written in, or another language.
export {
  identifyLanguage,
  LETTERS_FOR_FULL_CONFIDENCE,
  type LanguageAlternative,
  type LanguageGuess,
} from "./identify-language";
export { likelyOtherLanguage, type DetectedLanguage, type ModelLanguage } from "./languages";
export { withoutMarkdownCode } from "./markdown-code";
export { withoutQuotations } from "./quotations";
