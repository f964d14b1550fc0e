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
