"use client";
// A new-password input with the rule stated before anyone submits, a live count of missing characters, and the
// server's verdict (too easy to guess, too short) under it, tied to the input for screen readers.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MIN_PASSWORD_LENGTH } from "@/lib/users/schemas";

export function NewPasswordField({ label, name = "password", problem }: { label: string; name?: string; problem: string | null }) {
  const t = useTranslations("passwordRule");
  const id = useId();
  const [length, setLength] = useState(0);
  const missing = MIN_PASSWORD_LENGTH - length;
  return (
    <div className="stack">
      <label>
        {label}
        <input
          name={name}
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          aria-describedby={problem ? `${id}-rule ${id}-problem` : `${id}-rule`}
          aria-invalid={problem ? true : undefined}
          onChange={(event) => setLength(event.target.value.length)}
        />
      </label>
      <p id={`${id}-rule`} className="muted small-text">
        {t("hint", { min: MIN_PASSWORD_LENGTH })}{" "}
        <span aria-live="polite" data-testid="new-password-length">{length > 0 && missing > 0 ? t("tooShort", { missing }) : ""}</span>
      </p>
      {problem && (
        <p id={`${id}-problem`} className="error small-text">
          {problem}
        </p>
      )}
    </div>
  );
}
