// next-auth configuration: e-mail + password through our own sign-in use case, with a server-side session id
// inside the encrypted JWT so that sign-out and deactivation take effect on the next request.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { revokeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/client-address";

/** What the sign-in form receives in `error`: a stable code the UI translates, never English text. */
export function signInErrorCode(error: unknown): string {
  if (error instanceof AppError && error.code === "rate_limited") {
    return `rate_limited:${String(error.details?.retryAfterSeconds ?? 60)}`;
  }
  if (error instanceof AppError && error.code === "unauthenticated") return "invalid_credentials";
  return "unavailable";
}

function headerValue(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== "object") return undefined;
  const value = headers instanceof Headers ? headers.get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

export function nextAuthOptions(): NextAuthOptions {
  const config = env();
  return {
    secret: config.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: config.ESCRIBA_SESSION_DAYS * 86_400 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    useSecureCookies: config.ESCRIBA_SECURE_COOKIES ?? config.NEXTAUTH_URL?.startsWith("https://") ?? false,
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "E-mail",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          try {
            const signedIn = await signInWithPassword({
              email: String(credentials?.email ?? ""),
              password: String(credentials?.password ?? ""),
              ipAddress: headerValue(request?.headers, CLIENT_ADDRESS_HEADER) ?? "unknown",
              userAgent: headerValue(request?.headers, "user-agent"),
            });
            return { id: signedIn.userId, sessionId: signedIn.sessionId };
          } catch (error) {
            if (!(error instanceof AppError)) console.error("sign-in failed", error);
            throw new Error(signInErrorCode(error));
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sessionId" in user) token.sid = String(user.sessionId);
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
  };
}
