// Sign-in with text PostgreSQL cannot store as sent (NUL, lone surrogates): the same "wrong e-mail or password"
// as any other bad attempt, still counted against the address, never a database error.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTestUser, TEST_PASSWORD } from "@/tests/support/seed-users";

after(disconnectDb);

let addressCounter = 0;
const freshAddress = () => `203.0.113.${++addressCounter}`;

test("an e-mail with NUL or a lone surrogate is a wrong e-mail, counted against the address", async () => {
  const user = await createTestUser("annotator");
  for (const email of [`${user.email}\u0000`, "\u0000", `${user.email}\ud800`, "\udc00@test.escriba"]) {
    const ipAddress = freshAddress();
    const error = await signInWithPassword({ email, password: TEST_PASSWORD, ipAddress }).then(
      () => assert.fail("expected the sign-in to be refused"),
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof AppError, `${JSON.stringify(email)}: expected an AppError, got ${String(error)}`);
    assert.equal(error.code, "unauthenticated");
    assert.equal(await db().signInAttempt.count({ where: { ipAddress, succeeded: false } }), 1, JSON.stringify(email));
  }
});

test("a password with NUL or a lone surrogate is a wrong password", async () => {
  const user = await createTestUser("annotator");
  for (const password of [`${TEST_PASSWORD}\u0000`, `${TEST_PASSWORD}\ud800`]) {
    const error = await signInWithPassword({ email: user.email, password, ipAddress: freshAddress() }).catch((reason: unknown) => reason);
    assert.ok(error instanceof AppError && error.code === "unauthenticated", `${JSON.stringify(password)}: ${String(error)}`);
  }
});
