// Personal API tokens: shown once, stored hashed, revocable, and dead with a deactivated owner.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, test } from "node:test";
import { createApiToken, listMyApiTokens, resolveApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { setClockForTests } from "@/lib/clock";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { updateUser } from "@/lib/users/update-user";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("a token is stored only as its SHA-256 and resolves to its owner", async () => {
  const user = await createTestUser("annotator", ["eu"]);
  const created = await createApiToken(viewerOf(user), user.id, { name: "script" });
  const stored = await db().apiToken.findUniqueOrThrow({ where: { id: created.id } });
  assert.notEqual(stored.tokenHash, created.token);
  assert.equal(stored.tokenHash, createHash("sha256").update(created.token).digest("hex"));
  assert.ok(!JSON.stringify(await listMyApiTokens(viewerOf(user))).includes(created.token), "never listed again");
  const viewer = await resolveApiToken(created.token);
  assert.equal(viewer?.id, user.id);
  assert.equal(viewer?.authenticatedBy, "token");
  assert.deepEqual(viewer?.languages, ["eu"]);
  assert.equal(viewer?.tokenId, created.id);
});

test("a token's last use is recorded at most once a minute", async () => {
  const user = await createTestUser("annotator");
  const created = await createApiToken(viewerOf(user), user.id, { name: "busy script" });
  const lastUsed = async () => (await db().apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt?.getTime() ?? null;
  const start = Date.parse("2026-12-02T10:00:00.000Z");
  try {
    assert.equal(await lastUsed(), null);
    setClockForTests(new Date(start));
    await resolveApiToken(created.token);
    assert.equal(await lastUsed(), start);
    setClockForTests(new Date(start + 59_000));
    await resolveApiToken(created.token);
    assert.equal(await lastUsed(), start, "not rewritten within the minute");
    setClockForTests(new Date(start + 61_000));
    assert.equal((await resolveApiToken(created.token))?.id, user.id);
    assert.equal(await lastUsed(), start + 61_000);
  } finally {
    setClockForTests(null);
  }
});

test("a revoked token and an unknown token resolve to nobody", async () => {
  const user = await createTestUser("annotator");
  const created = await createApiToken(viewerOf(user), user.id, { name: "to revoke" });
  await revokeApiToken(viewerOf(user), created.id);
  assert.equal(await resolveApiToken(created.token), null);
  assert.equal(await resolveApiToken(`${created.token.slice(0, -2)}xx`), null);
});

test("deactivating the owner kills the token, and reactivating does not bring it back", async () => {
  const user = await createTestUser("reviewer");
  const created = await createApiToken(null, user.id, { name: "ops" });
  await updateUser(null, user.id, { active: false });
  assert.equal(await resolveApiToken(created.token), null);
  await updateUser(null, user.id, { active: true });
  assert.equal(await resolveApiToken(created.token), null, "revoked at deactivation, not merely hidden");
});

test("someone else's token cannot be revoked or created by a non-maintainer", async () => {
  const owner = await createTestUser("annotator");
  const other = await createTestUser("annotator");
  const created = await createApiToken(viewerOf(owner), owner.id, { name: "mine" });
  await assert.rejects(revokeApiToken(viewerOf(other), created.id), (error) => error instanceof AppError && error.code === "not_found");
  await assert.rejects(
    createApiToken(viewerOf(other), owner.id, { name: "theirs" }),
    (error) => error instanceof AppError && error.code === "forbidden",
  );
  assert.ok(await resolveApiToken(created.token), "still valid");
});

test("an expired token resolves to nobody", async () => {
  const user = await createTestUser("annotator");
  const created = await createApiToken(viewerOf(user), user.id, { name: "short", expiresInDays: 1 });
  assert.ok(await resolveApiToken(created.token), "valid for its day");
  setClockForTests(new Date(Date.now() + 86_400_000 + 60_000));
  try {
    assert.equal(await resolveApiToken(created.token), null);
  } finally {
    setClockForTests(null);
  }
});

test("a token cannot create tokens, for its owner or anyone, so revoking it leaves no heir behind", async () => {
  const maintainer = await createTestUser("maintainer");
  const other = await createTestUser("annotator");
  const parent = await createApiToken(viewerOf(maintainer), maintainer.id, { name: "parent" });
  const viaToken = await resolveApiToken(parent.token);
  assert.ok(viaToken);
  const needsSession = (error: unknown) =>
    error instanceof AppError && error.code === "forbidden" && error.details?.reason === "session_required";
  await assert.rejects(createApiToken(viaToken, maintainer.id, { name: "child" }), needsSession);
  await assert.rejects(createApiToken(viaToken, other.id, { name: "someone else's" }), needsSession);
  assert.equal(await db().apiToken.count({ where: { userId: { in: [maintainer.id, other.id] } } }), 1, "only the parent exists");
  await revokeApiToken(viaToken, parent.id);
  assert.equal(await resolveApiToken(parent.token), null);
});
