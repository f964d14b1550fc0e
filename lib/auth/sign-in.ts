// Password sign-in: reserve the attempt under the rate limits first, then argon2id verification, then a new
// server-side session.
import { decoyPasswordHash, verifyPassword } from "@/lib/auth/passwords";
import { createSession } from "@/lib/auth/sessions";
import { recordSignInSuccess, reserveSignInAttempt } from "@/lib/auth/sign-in-rate-limit";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { textProblem } from "@/lib/input-schemas";
import { emailSchema } from "@/lib/users/schemas";

const UNREADABLE_EMAIL = "(not readable text)";

export interface SignInRequest {
  email: string;
  password: string;
  ipAddress: string;
  userAgent?: string;
}

export interface SignedIn {
  sessionId: string;
  userId: string;
}

export async function signInWithPassword(request: SignInRequest): Promise<SignedIn> {
  const parsedEmail = emailSchema.safeParse(request.email);
  // Text the database cannot store (NUL, lone surrogates) names no account: it is counted under one placeholder,
  // so the failure still counts against the address.
  const email = parsedEmail.success
    ? parsedEmail.data
    : textProblem(request.email)
      ? UNREADABLE_EMAIL
      : request.email.trim().toLowerCase();
  const key = { email, ipAddress: request.ipAddress };
  // Counted as a failure until the password proves right, so parallel guesses cannot all pass one check.
  const attempt = await reserveSignInAttempt(key);

  const user = parsedEmail.success ? await db().user.findUnique({ where: { email } }) : null;
  const passwordMatches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), request.password);
  // A deactivated account gets the same answer as a wrong password: no hint that it exists.
  if (!user || !passwordMatches || !user.active) {
    throw new AppError("unauthenticated", "E-mail or password is wrong.", { details: { reason: "invalid_credentials" } });
  }
  await recordSignInSuccess(attempt);
  const session = await createSession(user.id, { ipAddress: request.ipAddress, userAgent: request.userAgent });
  await db().$transaction((tx) =>
    recordAuditEvent(tx, {
      actorId: user.id,
      action: "session.signed_in",
      subjectType: "session",
      subjectId: session.id,
      payload: { ipAddress: request.ipAddress },
    }),
  );
  return { sessionId: session.id, userId: user.id };
}
