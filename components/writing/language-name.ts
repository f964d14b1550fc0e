// The name, in the UI language, of the language a check detected: one of the four, or for "other" the neighbour it
// most likely is ("Portuguese"), so a writer understands why a text was taken for another language.
import { useTranslations } from "next-intl";
import { ITEM_LANGUAGES, NEIGHBOUR_LANGUAGES, type ItemLanguage, type NeighbourLanguage } from "@/lib/vocabulary";

const TARGETS: ReadonlySet<string> = new Set(ITEM_LANGUAGES);
const NEIGHBOURS: ReadonlySet<string> = new Set(NEIGHBOUR_LANGUAGES);

export function useDetectedLanguageName() {
  const tQuality = useTranslations("quality");
  const tLanguageId = useTranslations("languageId");
  return (detected: unknown, likely?: unknown): string => {
    if (typeof detected === "string" && TARGETS.has(detected)) return tQuality(`detected.${detected as ItemLanguage}`);
    if (typeof likely === "string" && NEIGHBOURS.has(likely)) return tLanguageId(`names.${likely as NeighbourLanguage}`);
    return tQuality("detected.other");
  };
}

type LanguageName = ReturnType<typeof useDetectedLanguageName>;

/**
 * The names a language_mismatch message fills in, and which message: "looks like Portuguese (or perhaps Galician)"
 * when the check named a second language (`alsoLikely`, a fine-grained code), else "looks like Portuguese".
 */
export function mismatchMessage(languageName: LanguageName, params: Record<string, unknown>) {
  const names = { detected: languageName(params.detected, params.likely), expected: languageName(params.expected) };
  if (typeof params.alsoLikely !== "string") return { key: "language_mismatch" as const, names };
  return { key: "language_mismatch_or" as const, names: { ...names, alsoLikely: languageName(params.alsoLikely, params.alsoLikely) } };
}
