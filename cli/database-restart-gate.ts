// While `escriba start` restarts its embedded PostgreSQL (or has given up on it), every request but the health
// checks is answered 503 with Retry-After at once: pages as well as the API, which would otherwise render an error
// page with 500 after waiting for a database that is known to be away.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { processStatus } from "@/lib/health/process-status";
import { DEFAULT_LOCALE, localeFromAcceptLanguage } from "@/lib/i18n/locales";

const RETRY_AFTER_SECONDS = 5;
const HEALTH_PATHS = /^\/api\/health\//;

const messageCache = new Map<string, string>();
function restartingMessage(projectRoot: string, locale: string): string {
  let message = messageCache.get(locale);
  if (!message) {
    const catalog = JSON.parse(readFileSync(path.join(projectRoot, "messages", `${locale}.json`), "utf8")) as {
      availability: { databaseRestarting: string };
    };
    message = catalog.availability.databaseRestarting;
    messageCache.set(locale, message);
  }
  return message;
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

/** Answers the request and returns true while the database is known to be away; false lets it through. */
export function answeredWhileDatabaseRestarts(projectRoot: string, request: IncomingMessage, response: ServerResponse): boolean {
  const state = processStatus().embeddedDatabase;
  if (state !== "restarting" && state !== "gave_up") return false;
  const url = request.url ?? "/";
  if (HEALTH_PATHS.test(url)) return false;
  const locale = localeFromAcceptLanguage(request.headers["accept-language"]) ?? DEFAULT_LOCALE;
  const message = restartingMessage(projectRoot, locale);
  response.statusCode = 503;
  response.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
  response.setHeader("Cache-Control", "no-store");
  if (url.startsWith("/api/")) {
    response.setHeader("Content-Type", "application/json");
    response.end(
      JSON.stringify({
        error: {
          code: "unavailable",
          message: "The database is restarting; please try again shortly.",
          fields: [],
          details: { retryAfterSeconds: RETRY_AFTER_SECONDS },
        },
      }),
    );
  } else {
    response.setHeader("Content-Type", "text/html; charset=utf-8");
    response.end(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${RETRY_AFTER_SECONDS}">` +
        `<title>escriba</title></head><body><p>${escapeHtml(message)}</p></body></html>`,
    );
  }
  return true;
}
