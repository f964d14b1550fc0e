// Where one-time links point and which language their e-mail speaks, from the request that asks for one.
import { cookies } from "next/headers";
import type { LinkDelivery } from "@/lib/accounts/invite-user";
import type { Viewer } from "@/lib/auth/viewer";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, resolveUiLocale } from "@/lib/i18n/locales";

/**
 * NEXTAUTH_URL when set (it should be in production: a link built from the request's Host header could be made to
 * point elsewhere by whoever sends the request), else the address the request came to.
 */
export async function linkDeliveryFor(request: Request, viewer: Viewer | null): Promise<LinkDelivery> {
  const cookieStore = await cookies();
  return {
    appUrl: env().NEXTAUTH_URL ?? new URL(request.url).origin,
    locale: resolveUiLocale({
      preference: viewer?.uiLocale,
      cookie: cookieStore.get(LOCALE_COOKIE)?.value,
      acceptLanguage: request.headers.get("accept-language"),
    }),
  };
}
