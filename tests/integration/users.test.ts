// Account administration: validation without partial writes, conflicts, permissions and the audit trail.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/create-user";
import { listUsers } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("a maintainer creates an account; the creation is audited and the password never leaves the domain", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const created = await createUser(viewerOf(maintainer), {
    email: "  New.Person@Test.Escriba ",
    name: "New Person",
    role: "annotator",
    languages: ["gl", "es", "gl"],
    password: "a long enough password",
  });
  assert.equal(created.email, "new.person@test.escriba");
  assert.deepEqual(created.languages, ["es", "gl"]);
  assert.ok(!("passwordHash" in created));
  const stored = await db().user.findUniqueOrThrow({ where: { id: created.id } });
  assert.match(stored.passwordHash, /^\$argon2id\$/);
  const audit = await db().auditEvent.findFirst({ where: { subjectId: created.id, action: "user.created" } });
  assert.equal(audit?.actorId, maintainer.id);
});

test("invalid fields are all named and nothing is written", async () => {
  const maintainer = await createTestUser("maintainer");
  const before = await db().user.count();
  const error = await createUser(viewerOf(maintainer), {
    email: "not-an-email",
    name: "",
    role: "boss" as never,
    languages: ["xx" as never],
    password: "short",
  }).catch((reason: unknown) => reason);
  assert.ok(error instanceof z.ZodError);
  const fields = error.issues.map((issue) => issue.path.join("."));
  for (const field of ["email", "name", "role", "languages.0", "password"]) assert.ok(fields.includes(field), `${field} named in ${fields}`);
  assert.equal(await db().user.count(), before);
});

test("a weak password is refused with a 422 naming the password field, and nothing is written", async () => {
  const maintainer = await createTestUser("maintainer");
  for (const password of ["1234567890", "aaaaaaaaaa", "password12"]) {
    const email = `weak-${password}@test.escriba`;
    const error = await createUser(viewerOf(maintainer), { email, name: "Weak Password", role: "annotator", languages: ["es"], password }).catch(
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof AppError, `${password}: expected a refusal, got ${String(error)}`);
    assert.equal(error.code, "validation_failed");
    assert.deepEqual(error.fields.map((problem) => problem.field), ["password"]);
    assert.match(error.fields[0]!.message, /too easy to guess/);
    assert.equal(await db().user.count({ where: { email } }), 0);
  }
});

test("a second account with the same e-mail is a conflict naming the field", async () => {
  const existing = await createTestUser("annotator");
  await assert.rejects(
    createUser(null, { email: existing.email.toUpperCase(), name: "Twin", role: "annotator", languages: [], password: "another long password" }),
    (error) => error instanceof AppError && error.code === "conflict" && error.fields[0]?.field === "email",
  );
});

test("only maintainers administer accounts", async () => {
  const reviewer = await createTestUser("reviewer");
  const target = await createTestUser("annotator");
  const isForbidden = (error: unknown) => error instanceof AppError && error.code === "forbidden";
  await assert.rejects(listUsers(viewerOf(reviewer)), isForbidden);
  await assert.rejects(updateUser(viewerOf(reviewer), target.id, { role: "maintainer" }), isForbidden);
  await assert.rejects(
    createUser(viewerOf(reviewer), { email: "x@test.escriba", name: "X", role: "maintainer", languages: [], password: "long enough password" }),
    isForbidden,
  );
  const unchanged = await db().user.findUniqueOrThrow({ where: { id: target.id } });
  assert.equal(unchanged.role, "annotator");
});

test("a maintainer changes role and languages; cannot lock themselves out", async () => {
  const maintainer = await createTestUser("maintainer");
  const target = await createTestUser("annotator", ["es"]);
  const updated = await updateUser(viewerOf(maintainer), target.id, { role: "reviewer", languages: ["eu", "es"] });
  assert.equal(updated.role, "reviewer");
  assert.deepEqual(updated.languages, ["es", "eu"]);
  await assert.rejects(
    updateUser(viewerOf(maintainer), maintainer.id, { active: false }),
    (error) => error instanceof AppError && error.code === "conflict" && error.fields[0]?.field === "active",
  );
  await assert.rejects(
    updateUser(viewerOf(maintainer), "6f1c1c7e-0000-4000-8000-000000000000", { active: false }),
    (error) => error instanceof AppError && error.code === "not_found",
  );
});
