// Password sign-in against the real database: sessions, wrong passwords, deactivation and rate limits.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { resolveSession, revokeSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db, disconnectDb } from "@/lib/db";
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

  test("deactivation ends existing sessions at once and refuses new sign-ins", async () => {
    const user = await createTestUser("annotator");
    const { sessionId } = await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    await updateUser(null, user.id, { active: false });
    assert.equal(await resolveSession(sessionId), null);
    const refused = await rejection(signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() }));
    assert.equal(refused.code, "unauthenticated");
  });

  test("five failures lock the account for everyone, even with the right password, and say how long", async () => {
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

  test("a success resets the account's failure count", async () => {
    const user = await createTestUser("annotator");
    for (let attempt = 0; attempt < 4; attempt++) {
      await rejection(signInWithPassword({ email: user.email, password: "wrong", ipAddress: freshAddress() }));
    }
    await signInWithPassword({ email: user.email, password: TEST_PASSWORD, ipAddress: freshAddress() });
    for (let attempt = 0; attempt < 4; attempt++) {
      const error = await rejection(signInWithPassword({ email: user.email, password: "wrong", ipAddress: freshAddress() }));
      assert.equal(error.code, "unauthenticated", "still only counting failures since the success");
    }
  });
});
