// Failed sign-ins are limited per account and per network address. The attempts table is both the audit trail and
// the count: an attempt is written down as failed *before* its password is checked, while advisory locks on its
// address and its account are held, so parallel guesses queue for the count instead of all reading the same one.
//
// Policy (values in lib/env.ts):
// - per address: N failures within the window, at any accounts, close that address for every account until the
//   oldest of them leaves the window. Succeeding at some account does not give any back.
// - per account: N failures within the window close the account to every address that has not signed in to it
//   recently. An address that has (the owner's own) only counts its own failures since its last success there, so
//   guessers elsewhere cannot lock the owner out.
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { currentTime } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export interface SignInAttemptKey {
  email: string;
  ipAddress: string;
}

export interface ReservedSignInAttempt {
  id: bigint;
}

/** First keys of pg_advisory_xact_lock(int, int); always taken address first, then account, so no two wait in a cycle. */
const ADDRESS_LOCK = 1_702_060_849;
const ACCOUNT_LOCK = 1_702_060_850;

/** Longer keys cannot be real addresses or e-mails; cutting them keeps index entries small. */
const MAX_KEY_LENGTH = 320;

type Transaction = Prisma.TransactionClient;

/**
 * Counts the attempt as a failure unless a limit refuses it (then it throws `rate_limited` and records nothing);
 * call `recordSignInSuccess` once the password has proved right.
 */
export async function reserveSignInAttempt(key: SignInAttemptKey, now = currentTime()): Promise<ReservedSignInAttempt> {
  const config = env();
  const email = key.email.slice(0, MAX_KEY_LENGTH);
  const ipAddress = key.ipAddress.slice(0, MAX_KEY_LENGTH);
  const windowStart = new Date(now.getTime() - config.ESCRIBA_SIGNIN_WINDOW_MINUTES * 60_000);
  // Generous waits: under a burst, attempts queue for a pooled connection and then for the locks, a few ms each.
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int, hashtext(${ipAddress}))`;
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int, hashtext(${email}))`;

      const address = await failures(tx, { ipAddress }, windowStart);
      if (address.count >= config.ESCRIBA_SIGNIN_MAX_FAILURES_PER_IP) refuse("address", address.oldest, now);

      const knownSince = new Date(now.getTime() - config.ESCRIBA_SIGNIN_KNOWN_ADDRESS_DAYS * 86_400_000);
      const lastHereSuccess = await tx.signInAttempt.findFirst({
        where: { email, ipAddress, succeeded: true, createdAt: { gt: knownSince } },
        orderBy: { createdAt: "desc" },
        select: { createdAt: true },
      });
      const account = lastHereSuccess
        ? await failures(tx, { email, ipAddress }, laterOf(windowStart, lastHereSuccess.createdAt))
        : await failures(tx, { email }, windowStart);
      if (account.count >= config.ESCRIBA_SIGNIN_MAX_FAILURES_PER_ACCOUNT) refuse("account", account.oldest, now);

      return tx.signInAttempt.create({ data: { email, ipAddress, succeeded: false, createdAt: now }, select: { id: true } });
    },
    { maxWait: 30_000, timeout: 30_000 },
  );
}

/** The password was right: the reserved attempt is a success, which also makes this address known to the account. */
export async function recordSignInSuccess(attempt: ReservedSignInAttempt): Promise<void> {
  await db().signInAttempt.update({ where: { id: attempt.id }, data: { succeeded: true } });
}

async function failures(tx: Transaction, where: { email?: string; ipAddress?: string }, since: Date) {
  const found = await tx.signInAttempt.aggregate({
    where: { ...where, succeeded: false, createdAt: { gt: since } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return { count: found._count._all, oldest: found._min.createdAt };
}

function laterOf(first: Date, second: Date): Date {
  return first > second ? first : second;
}

function refuse(scope: "account" | "address", oldest: Date | null, now: Date): never {
  // The limit opens again when the oldest counted failure leaves the window.
  const reopensAt = (oldest?.getTime() ?? now.getTime()) + env().ESCRIBA_SIGNIN_WINDOW_MINUTES * 60_000;
  const retryAfterSeconds = Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000));
  throw new AppError("rate_limited", "Too many failed sign-ins. Wait before trying again.", {
    details: { scope, retryAfterSeconds },
  });
}
