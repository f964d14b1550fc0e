"use client";
// Opens an item's page from its id, as it appears in release files, changelogs and reports from dataset users:
// where a maintainer starts when an item has to be retracted.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isUuid } from "@/lib/ids";

export function OpenItemForm() {
  const t = useTranslations("history");
  const router = useRouter();
  const [itemId, setItemId] = useState("");
  const [invalid, setInvalid] = useState(false);

  function open(event: FormEvent) {
    event.preventDefault();
    const id = itemId.trim();
    if (!isUuid(id)) return setInvalid(true);
    router.push(`/history/${id.toLowerCase()}`);
  }

  return (
    <section className="card stack" aria-labelledby="open-item-heading">
      <h2 id="open-item-heading">{t("openItemTitle")}</h2>
      <p className="muted">{t("openItemHelp")}</p>
      <form className="row" onSubmit={open} noValidate>
        <label>
          {t("itemId")}
          <input
            value={itemId}
            onChange={(event) => {
              setItemId(event.target.value);
              setInvalid(false);
            }}
            size={40}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={invalid}
            aria-describedby={invalid ? "open-item-error" : undefined}
          />
        </label>
        <button type="submit">{t("openItem")}</button>
      </form>
      {invalid && (
        <p role="alert" className="error" id="open-item-error">
          {t("itemIdInvalid")}
        </p>
      )}
    </section>
  );
}
