// <option> lists for an item's language and category, named in the UI language; usable on server and client.
import { useTranslations } from "next-intl";
import type { ItemCategory, ItemLanguage } from "@/lib/vocabulary";

export function LanguageOptions({ languages }: { languages: readonly ItemLanguage[] }) {
  const t = useTranslations("languages");
  return languages.map((language) => (
    <option key={language} value={language}>
      {t(language)}
    </option>
  ));
}

export function CategoryOptions({ categories }: { categories: readonly ItemCategory[] }) {
  const t = useTranslations("categories");
  return categories.map((category) => (
    <option key={category} value={category}>
      {t(category)}
    </option>
  ));
}
