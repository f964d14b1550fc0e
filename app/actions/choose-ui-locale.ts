"use server";
// Server action behind the language menu: remembers the choice in a cookie and, when signed in, as a preference.
import { cookies } from "next/headers";
import { z } from "zod";
import { serverAction } from "@/lib/http/server-action";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { updateMyPreferences } from "@/lib/users/update-my-preferences";
import { uiLocaleSchema } from "@/lib/vocabulary";

const chooseUiLocaleInput = z.object({ uiLocale: uiLocaleSchema.nullable() });

const chooseUiLocaleAction = serverAction("public", chooseUiLocaleInput, async (viewer, { uiLocale }) => {
  const cookieStore = await cookies();
  if (uiLocale) cookieStore.set(LOCALE_COOKIE, uiLocale, { path: "/", maxAge: 365 * 86_400, sameSite: "lax" });
  else cookieStore.delete(LOCALE_COOKIE);
  if (viewer) await updateMyPreferences(viewer, { uiLocale });
  return { uiLocale };
});

export async function chooseUiLocale(input: z.input<typeof chooseUiLocaleInput>) {
  return chooseUiLocaleAction(input);
}
