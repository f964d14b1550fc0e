// Failed sign-ins are limited per account and per network address, counted from the attempts table so that
// every app process sees the same counts.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface SignInAttemptKey {
  email: string;
  ipAddress: string;
}

export async function assertSignInAllowed(key: SignInAttemptKey, now = new Date()): Promise<void> {
  const config = env();
  const windowStart = new Date(now.getTime() - config.ESCRIBA_SIGNIN_WINDOW_MINUTES * 60_000);
  const [accountFailures, addressFailures] = await Promise.all([
    recentFailures({ email: key.email }, windowStart),
    recentFailures({ ipAddress: key.ipAddress }, windowStart),
  ]);
  const limited =
    accountFailures.count >= config.ESCRIBA_SIGNIN_MAX_FAILURES_PER_ACCOUNT
      ? { scope: "account", oldest: accountFailures.oldest }
      : addressFailures.count >= config.ESCRIBA_SIGNIN_MAX_FAILURES_PER_IP
        ? { scope: "address", oldest: addressFailures.oldest }
        : null;
  if (limited) {
    const reopensAt = (limited.oldest?.getTime() ?? now.getTime()) + config.ESCRIBA_SIGNIN_WINDOW_MINUTES * 60_000;
    const retryAfterSeconds = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
    throw new AppError("rate_limited", "Too many failed sign-ins. Wait before trying again.", {
      details: { scope: limited.scope, retryAfterSeconds },
    });
  }
}

async function recentFailures(where: { email: string } | { ipAddress: string }, since: Date) {
  // Failures only count since the last success, so one mistyped password a day never adds up to a lock-out.
  const lastSuccess = await db().signInAttempt.findFirst({
    where: { ...where, succeeded: true, createdAt: { gte: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  const from = lastSuccess ? lastSuccess.createdAt : since;
  const failures = await db().signInAttempt.aggregate({
    where: { ...where, succeeded: false, createdAt: { gt: from } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return { count: failures._count._all, oldest: failures._min.createdAt };
}

export async function recordSignInAttempt(key: SignInAttemptKey, succeeded: boolean): Promise<void> {
  await db().signInAttempt.create({ data: { email: key.email, ipAddress: key.ipAddress, succeeded } });
}
