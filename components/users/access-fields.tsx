"use client";
// What a new account may do, as the forms that give one ask it: its role, and the languages it works in.
import { useTranslations } from "next-intl";
import { ITEM_LANGUAGES, ROLES } from "@/lib/vocabulary";

export function RoleSelect() {
  const t = useTranslations();
  return (
    <label>
      {t("users.role")}
      <select name="role" defaultValue="annotator">
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function LanguageCheckboxes() {
  const t = useTranslations();
  return (
    <fieldset>
      <legend>{t("users.languages")}</legend>
      {ITEM_LANGUAGES.map((language) => (
        <label key={language} className="inline">
          <input type="checkbox" name="languages" value={language} /> {t(`languages.${language}`)}
        </label>
      ))}
    </fieldset>
  );
}
