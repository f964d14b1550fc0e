// Password sign-in against the real database: sessions, wrong passwords, deactivation and rate limits.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { setClockForTests } from "@/lib/clock";
import { db, disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { updateUser } from "@/lib/users/update-user";
import { createTestUser, TEST_PASSWORD } from "@/tests/support/seed-users";

after(disconnectDb);

/** A documentation-range address per test, so per-address counts never leak between tests. */
let addressCounter = 0;
const freshAddress = () => `198.51.100.${++addressCounter}`;

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail("expected the sign-in to be refused"),
    (reason: unknown) => reason,
  );
  assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
  return error;
}

describe("signInWithPassword", () => {
  test("the right password opens a server-side session that names the user, role and languages", async () => {
    const user = await createTestUser("reviewer", ["ca", "gl"]);
    const signedIn = await signInWithPassword({ email: user.email.toUpperCase(), password: TEST_PASSWORD, ipAddress: freshAddress() });
    const viewer = await resolveSession(signedIn.sessionId);
    assert.equal(viewer?.id, user.id);
    assert.equal(viewer?.role, "reviewer");
    assert.deepEqual(viewer?.languages, ["ca", "gl"]);
    const audit = await db().auditEvent.findFirst({ where: { subjectId: signedIn.sessionId, action: "session.signed_in" } });
    assert.ok(audit, "the sign-in is in the audit log");
  });

  test("a wrong password or an unknown account is refused with the same answer", async () => {
    const user = await createTestUser("annotator");
    const wrong = await rejection(signInWithPassword({ email: user.email, password: "not the password", ipAddress: freshAddress() }));
    const unknown = await rejection(signInWithPassword({ email: "nobody@test.escriba", password: TEST_PASSWORD, ipAddress: freshAddress() }));
    assert.equal(wrong.code, "unauthenticated");
    assert.equal(unknown.code, "unauthenticated");
    assert.equal(wrong.message, unknown.message);
  });

  test("a signed-out session no longer resolves", async () => {
    const user = await createTestUser("annotator");
    const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    assert.ok(await resolveSession(sessionId));
    await revokeSession(sessionId);
    assert.equal(await resolveSession(sessionId), null);
  });

  test("a session resolves until the moment it expires, and only to its own user", async () => {
    const user = await createTestUser("annotator");
    const other = await createTestUser("annotator");
    await signInWithPassword({ email: other.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    const { expiresAt } = await db().session.findUniqueOrThrow({ where: { id: sessionId } });
    try {
      setClockForTests(new Date(expiresAt.getTime() - 1000));
      assert.equal((await resolveSession(sessionId))?.id, user.id);
      setClockForTests(expiresAt);
      assert.equal(await resolveSession(sessionId), null);
    } finally {
      setClockForTests(null);
    }
    assert.equal(await resolveSession(crypto.randomUUID()), null);
  });

  test("deactivation ends existing sessions at once and refuses new sign-ins", async () => {
    const user = await createTestUser("annotator");
    const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    await updateUser(null, user.id, { active: false });
    assert.equal(await resolveSession(sessionId), null);
    const refused = await rejection(signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() }));
    assert.equal(refused.code, "unauthenticated");
  });

  test("five failures lock the account for every address it has not signed in from, even with the right password, and say how long", async () => {
    const user = await createTestUser("annotator");
    for (let attempt = 0; attempt < 5; attempt++) {
      const error = await rejection(signInWithPassword({ email: user.email, password: "wrong", ipAddress: freshAddress() }));
      assert.equal(error.code, "unauthenticated");
    }
    const locked = await rejection(signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() }));
    assert.equal(locked.code, "rate_limited");
    assert.equal(locked.details?.scope, "account");
    const retryAfter = Number(locked.details?.retryAfterSeconds);
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `retry after ${retryAfter}s`);
  });

  test("twenty failures from one address lock that address for other accounts too", async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < 20; attempt++) {
      await rejection(signInWithPassword({ email: `guess-${attempt}@test.escriba`, password: "wrong", ipAddress: address }));
    }
    const user = await createTestUser("annotator");
    const locked = await rejection(signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: address }));
    assert.equal(locked.code, "rate_limited");
    assert.equal(locked.details?.scope, "address");
    // The same account from another address is unaffected.
    const elsewhere = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    assert.ok(elsewhere.sessionId);
  });

  test("a success resets the count of that account from that address", async () => {
    const user = await createTestUser("annotator");
    const home = freshAddress();
    for (let attempt = 0; attempt < 4; attempt++) {
      await rejection(signInWithPassword({ email: user.email, password: "wrong", ipAddress: home }));
    }
    await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: home });
    for (let attempt = 0; attempt < 4; attempt++) {
      const error = await rejection(signInWithPassword({ email: user.email, password: "wrong", ipAddress: home }));
      assert.equal(error.code, "unauthenticated", "still only counting failures since the success");
    }
  });
});

/** Runs the attempts all at once and sorts the answers: passwords checked and refused, or refused unchecked. */
async function inParallel(attempts: Parameters<typeof signInWithPassword>[0][]) {
  const outcomes = await Promise.all(attempts.map((attempt) => signInWithPassword(attempt).then(() => "signed_in", (error: unknown) => error)));
  const codes = outcomes.map((outcome) => (outcome instanceof AppError ? outcome.code : String(outcome)));
  return {
    checked: codes.filter((code) => code === "unauthenticated" || code === "signed_in").length,
    limited: outcomes.filter((outcome): outcome is AppError => outcome instanceof AppError && outcome.code === "rate_limited"),
    unexpected: codes.filter((code) => !["unauthenticated", "signed_in", "rate_limited"].includes(code)),
  };
}

describe("sign-in limits under parallel guessing", () => {
  const perAccount = () => env().ESCRIBA_SIGNIN_MAX_FAILURES_PER_ACCOUNT;
  const perAddress = () => env().ESCRIBA_SIGNIN_MAX_FAILURES_PER_IP;

  test("100 parallel wrong guesses at one account from one address: only the account's limit are checked", async () => {
    const user = await createTestUser("annotator");
    const address = freshAddress();
    const guesses = Array.from({ length: 100 }, (_, index) => ({ email: user.email, password: `guess ${index}`, ipAddress: address }));
    const result = await inParallel(guesses);
    assert.deepEqual(result.unexpected, []);
    assert.equal(result.checked, perAccount(), `${result.checked} of 100 passwords were checked`);
    assert.equal(result.limited.length, 100 - perAccount());
    assert.ok(result.limited.every((error) => Number(error.details?.retryAfterSeconds) > 0));
    const failures = await db().signInAttempt.count({ where: { email: user.email, succeeded: false } });
    assert.equal(failures, perAccount(), "every checked guess is in the attempts table");
  });

  test("40 parallel guesses at one account from 40 addresses: only the account's limit are checked", async () => {
    const user = await createTestUser("annotator");
    const guesses = Array.from({ length: 40 }, (_, index) => ({ email: user.email, password: `guess ${index}`, ipAddress: freshAddress() }));
    const result = await inParallel(guesses);
    assert.deepEqual(result.unexpected, []);
    assert.equal(result.checked, perAccount(), `${result.checked} of 40 passwords were checked`);
    assert.ok(result.limited.every((error) => error.details?.scope === "account"));
  });

  test("100 parallel guesses at 100 accounts from one address: only the address's limit are checked", async () => {
    const address = freshAddress();
    const guesses = Array.from({ length: 100 }, (_, index) => ({ email: `spray-${index}-${address}@test.escriba`, password: "wrong", ipAddress: address }));
    const result = await inParallel(guesses);
    assert.deepEqual(result.unexpected, []);
    assert.equal(result.checked, perAddress(), `${result.checked} of 100 passwords were checked`);
    assert.ok(result.limited.every((error) => error.details?.scope === "address"));
  });

  test("signing in to one's own account does not reset the address's count of failures at other accounts", async () => {
    const address = freshAddress();
    const accomplice = await createTestUser("annotator");
    const sprayFrom = (round: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({ email: `victim-${round}-${index}-${address}@test.escriba`, password: "wrong", ipAddress: address }));
    const first = await inParallel(sprayFrom("a", perAddress() - 1));
    assert.equal(first.checked, perAddress() - 1);
    await signInWithPassword({ email: accomplice.email, password: TEST_PASSWORD, ipAddress: address });
    const second = await inParallel(sprayFrom("b", perAddress()));
    assert.equal(second.checked, 1, "one guess left in the window, success or not");
    assert.ok(second.limited.every((error) => error.details?.scope === "address"));
  });

  test("while an attacker is locked out of an account, its owner still signs in from an address they used before", async () => {
    const owner = await createTestUser("reviewer");
    const home = freshAddress();
    await signInWithPassword({ email: owner.email, password: TEST_PASSWORD, ipAddress: home });

    const botnet = Array.from({ length: 100 }, (_, index) => ({ email: owner.email, password: `guess ${index}`, ipAddress: freshAddress() }));
    const attack = await inParallel(botnet);
    assert.equal(attack.checked, perAccount());
    const attackerWithThePassword = await rejection(signInWithPassword({ email: owner.email, password: TEST_PASSWORD, ipAddress: freshAddress() }));
    assert.equal(attackerWithThePassword.code, "rate_limited");

    const signedIn = await signInWithPassword({ email: owner.email, password: TEST_PASSWORD, ipAddress: home });
    assert.ok(await resolveSession(signedIn.sessionId), "the owner is in");
  });

  test("an address the owner last signed in from longer ago than the known-address period is locked out like any other", async () => {
    const owner = await createTestUser("annotator");
    const oldHome = freshAddress();
    const { sessionId } = await signInWithPassword({ email: owner.email, password: TEST_PASSWORD, ipAddress: oldHome });
    const longAgo = new Date(Date.now() - (env().ESCRIBA_SIGNIN_KNOWN_ADDRESS_DAYS + 1) * 86_400_000);
    await db().signInAttempt.updateMany({ where: { email: owner.email, ipAddress: oldHome }, data: { createdAt: longAgo } });
    await revokeSession(sessionId);

    await inParallel(Array.from({ length: 20 }, (_, index) => ({ email: owner.email, password: `guess ${index}`, ipAddress: freshAddress() })));
    const refused = await rejection(signInWithPassword({ email: owner.email, password: TEST_PASSWORD, ipAddress: oldHome }));
    assert.equal(refused.code, "rate_limited");
    assert.equal(refused.details?.scope, "account");
  });
});
