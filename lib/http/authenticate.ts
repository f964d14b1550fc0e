// Finds the viewer of the current request: a personal API token (Bearer) or the browser's session.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { headers } from "next/headers";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { resolveSession } from "@/lib/auth/sessions";
import type { Viewer } from "@/lib/auth/viewer";
import { nextAuthOptions } from "@/lib/http/next-auth-options";

/** The session id the browser's cookie names, whether or not that session is still valid. */
const sessionIdFromCookie = cache(async (): Promise<string | null> => {
  const session = (await getServerSession(nextAuthOptions())) as { sid?: string } | null;
  return session?.sid ?? null;
});

async function viewerFromSessionCookie(): Promise<Viewer | null> {
  const sessionId = await sessionIdFromCookie();
  return sessionId ? resolveSession(sessionId) : null;
}

/**
 * Whether this browser was signed in and its session has since ended (signed out elsewhere, revoked, the account
 * deactivated): call only when there is no current viewer. The sign-in page then says so instead of just appearing.
 */
export async function browserSessionEnded(): Promise<boolean> {
  return (await sessionIdFromCookie()) !== null;
}

/** Memoised per request, so a page, its layout and the message loader share one lookup. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const authorization = (await headers()).get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match?.[1] ? resolveApiToken(match[1]) : null;
  }
  return viewerFromSessionCookie();
});
