// Refuses writes that ride on the browser's session cookie but were started by a page of another origin (CSRF).
// Bearer-token calls carry no ambient credential, so they are never asked where they came from.
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isWriteMethod(method: string): boolean {
  return WRITE_METHODS.has(method.toUpperCase());
}

/** The entry the outermost trusted proxy wrote in a comma-separated X-Forwarded-* list (like the client address). */
function trustedForwardedValue(header: string | null | undefined, trustedProxyHops: number): string | undefined {
  const entries = (header ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length === 0) return undefined;
  return entries[Math.max(0, entries.length - trustedProxyHops)];
}

/**
 * The origin browsers see the app at: the configured public URL (NEXTAUTH_URL) when there is one; behind trusted
 * proxies the host and scheme they forwarded; otherwise the request's own Host, over plain HTTP (our server does not
 * speak TLS). Null when the request names no host at all.
 */
export function appOriginOf(request: {
  configuredUrl?: string;
  host?: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
  trustedProxyHops: number;
}): string | null {
  if (request.configuredUrl) return new URL(request.configuredUrl).origin;
  const forwardedHost = request.trustedProxyHops > 0 ? trustedForwardedValue(request.forwardedHost, request.trustedProxyHops) : undefined;
  const forwardedProto = request.trustedProxyHops > 0 ? trustedForwardedValue(request.forwardedProto, request.trustedProxyHops) : undefined;
  const host = forwardedHost ?? request.host?.trim();
  if (!host) return null;
  const scheme = forwardedProto?.toLowerCase() === "https" ? "https" : "http";
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}

export type CookieWriteVerdict = "allowed" | "cross_site_request" | "unsupported_media_type";

/**
 * Whether a cookie-authenticated write may proceed. Sec-Fetch-Site, when the browser sends it, is the browser's own
 * statement about who started the request and cannot be set by a page, so it decides; otherwise the Origin must be
 * exactly the app's origin. A request with neither is refused: every browser that can hold our cookie sends one of
 * them on writes, and scripts use tokens. The body must be declared JSON, which a cross-site HTML form cannot send.
 */
export function cookieWriteVerdict(request: {
  secFetchSite?: string | null;
  origin?: string | null;
  contentType?: string | null;
  appOrigin: string | null;
}): CookieWriteVerdict {
  const secFetchSite = request.secFetchSite?.trim().toLowerCase();
  const sameOrigin = secFetchSite
    ? secFetchSite === "same-origin"
    : Boolean(request.origin && request.appOrigin && request.origin.trim().toLowerCase() === request.appOrigin.toLowerCase());
  if (!sameOrigin) return "cross_site_request";
  const mediaType = request.contentType?.split(";")[0]?.trim().toLowerCase();
  // JSONL uploads are as safe: a cross-site form cannot send this media type either (it needs a CORS preflight).
  return mediaType === "application/json" || mediaType === "application/x-ndjson" ? "allowed" : "unsupported_media_type";
}

/** Throws unless this cookie-authenticated request is a read, or a JSON write from one of the app's own pages. */
export function assertSameOriginCookieWrite(request: Request): void {
  if (!isWriteMethod(request.method)) return;
  const config = env();
  const headers = request.headers;
  const verdict = cookieWriteVerdict({
    secFetchSite: headers.get("sec-fetch-site"),
    origin: headers.get("origin"),
    contentType: headers.get("content-type"),
    appOrigin: appOriginOf({
      configuredUrl: config.NEXTAUTH_URL,
      host: headers.get("host"),
      forwardedHost: headers.get("x-forwarded-host"),
      forwardedProto: headers.get("x-forwarded-proto"),
      trustedProxyHops: config.ESCRIBA_TRUSTED_PROXY_HOPS,
    }),
  });
  if (verdict === "cross_site_request") {
    throw new AppError(
      "cross_site_request",
      "Writes with the session cookie must come from escriba's own pages (same-origin Origin or Sec-Fetch-Site). API clients send an Authorization: Bearer token.",
    );
  }
  if (verdict === "unsupported_media_type") {
    throw new AppError("unsupported_media_type", "The Content-Type header must be application/json.", {
      fields: [{ field: "Content-Type", message: "must be application/json" }],
    });
  }
}
