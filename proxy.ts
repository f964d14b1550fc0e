// Runs before every page render: gives the response a Content-Security-Policy with a fresh nonce. Next.js reads the
// nonce from the request's CSP header and puts it on its own scripts; every page renders per request (the root
// layout reads the session), so no cached HTML carries a stale nonce.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { newCspNonce, pageContentSecurityPolicy, servedOverHttps } from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  const config = env();
  const policy = pageContentSecurityPolicy({
    nonce: newCspNonce(),
    https: servedOverHttps(config),
    development: config.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: API responses, built assets and files keep the strict non-page policy cli/web-server.ts sets.
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico).*)"],
};
