// Language identification of item text: which of es, ca, eu, gl it is written in, or another language.
export {
  identifyLanguage,
  likelyOtherLanguage,
  type LanguageAlternative,
  type LanguageGuess,
} from "./identify-language";
export type { DetectedLanguage, ModelLanguage } from "./languages";
