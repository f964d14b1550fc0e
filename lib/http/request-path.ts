// URL paths as the app reads them: every segment percent-decoded as UTF-8, or the whole path refused. Next's router
// answers a path that does not decode (`/items/%ff`, `%c0%ae`, a bare `%`) with a bare 500 before any of our code
// runs, so our HTTP server in front of it (cli/web-server.ts) asks here first and answers 400 itself.
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { LOCALE_COOKIE, resolveUiLocale } from "@/lib/i18n/locales";
import ca from "@/messages/ca.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import eu from "@/messages/eu.json";
import gl from "@/messages/gl.json";

const CATALOGS = { ca, en, es, eu, gl };

/** The decoded segments of a path (`/a/b%20c` → `["", "a", "b c"]`), or null when one is not valid percent-encoded UTF-8. */
export function decodePathSegments(pathname: string): string[] | null {
  try {
    return pathname.split("/").map((segment) => decodeURIComponent(segment));
  } catch (error) {
    if (error instanceof URIError) return null;
    throw error;
  }
}

/** The path of a request target (`/a/b?c` → `/a/b`), as the HTTP request line carries it. */
export function pathOfRequestTarget(target: string): string {
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * The 400 for a path that does not decode: the API's one JSON error shape under /api/, else a plain page in the
 * visitor's language (from the locale cookie or the browser; the server in front of Next knows no session).
 */
export function undecodablePathResponse(pathname: string, headers: { cookie?: string; acceptLanguage?: string }): Response {
  if (pathname.startsWith("/api/")) {
    return errorResponse(
      new AppError("invalid_path", "The address is not valid: a part of it is not percent-encoded UTF-8.", {
        fields: [{ field: "path", message: "not valid percent-encoding (UTF-8)" }],
      }),
    );
  }
  const cookie = headers.cookie?.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`))?.[1];
  const locale = resolveUiLocale({ preference: null, cookie, acceptLanguage: headers.acceptLanguage });
  const { title, body, goHome } = CATALOGS[locale].badAddress;
  const page =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(goHome)}</a></p></main></body></html>`;
  return new Response(page, { status: 400, headers: { "content-type": "text/html; charset=utf-8" } });
}
