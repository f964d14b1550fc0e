"use client";
// E-mail + password form; next-auth answers with an error code that is translated here.
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";

export function SignInForm({ defaultEmail = "" }: { defaultEmail?: string }) {
  const t = useTranslations("signIn");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  function describe(code: string): string {
    const [kind, seconds] = code.split(":");
    if (kind === "rate_limited") return t("rateLimited", { minutes: Math.max(1, Math.ceil(Number(seconds) / 60)) });
    if (kind === "invalid_credentials" || kind === "CredentialsSignin") return t("invalidCredentials");
    return t("unavailable");
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(describe(result?.error ?? "unavailable"));
      return;
    }
    // A full navigation, so the server renders the start page of this role with the new session.
    window.location.assign("/");
  }

  return (
    <form className="stack" method="post" onSubmit={onSubmit} noValidate>
      <label>
        {t("email")}
        <input name="email" type="email" autoComplete="username" required autoFocus={!defaultEmail} defaultValue={defaultEmail} />
      </label>
      <label>
        {t("password")}
        <input name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(defaultEmail)} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending || !hydrated}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
