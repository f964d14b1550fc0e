// Invitations, password resets and password changes: one-time links stored hashed, single use, expiring, audited;
// a reset ends every session, a change every other one.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { acceptInvitation } from "@/lib/accounts/accept-invitation";
import { hashLinkToken } from "@/lib/accounts/account-links";
import { changeMyPassword } from "@/lib/accounts/change-my-password";
import { inviteUser } from "@/lib/accounts/invite-user";
import { requestPasswordReset } from "@/lib/accounts/request-password-reset";
import { resetPassword } from "@/lib/accounts/reset-password";
import { createSession, resolveSession } from "@/lib/auth/sessions";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { setClockForTests } from "@/lib/clock";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTestUser } from "@/tests/support/seed-users";
import { linkIn, startMailCatcher, type MailCatcher } from "@/tests/support/mail-catcher";
import { viewerOf } from "@/tests/support/viewers";

// A real SMTP server of this file's own; the configuration is read on first use, after this line.
const SMTP_PORT = 40_000 + (process.pid % 20_000);
process.env.ESCRIBA_SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
let mail: MailCatcher;
before(async () => {
  mail = await startMailCatcher(SMTP_PORT);
});
after(async () => {
  await mail.close();
  await disconnectDb();
});

const delivery = { appUrl: "http://escriba.test/", locale: "eu" as const };
const NEW_PASSWORD = "plum lantern quietly orbits";
const freshEmail = () => `invitee-${randomBytes(5).toString("hex")}@test.escriba`;
const tokenOf = (link: string) => link.split("/").at(-1) ?? "";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => assert.fail("expected a refusal"),
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof AppError, String(error));
  return error;
}

test("an invitation stores only its token's hash, works once, creates the account with its role and languages, and is audited", async () => {
  const maintainer = await createTestUser("maintainer", ["es", "ca", "eu", "gl"]);
  const email = freshEmail();
  const invitation = await inviteUser(viewerOf(maintainer), { email, role: "reviewer", languages: ["gl", "eu"] }, delivery);
  assert.match(invitation.link, /^http:\/\/escriba\.test\/invitation\/[A-Za-z0-9_-]{43}$/);
  assert.equal(invitation.emailed, true);
  const token = tokenOf(invitation.link);
  const message = await mail.waitForMail(email);
  assert.equal(linkIn(message), invitation.link);
  assert.match(message.subject ?? "", /escriba/);
  const stored = await db().accountLink.findUniqueOrThrow({ where: { id: invitation.id } });
  assert.equal(stored.tokenHash, hashLinkToken(token));
  assert.ok(!JSON.stringify(stored).includes(token), "the token itself is not stored");
  assert.equal(
    await db().auditEvent.count({ where: { subjectId: invitation.id, action: "invitation.created", actorId: maintainer.id } }),
    1,
  );

  assert.deepEqual(await acceptInvitation({ token, name: "Iñaki Invited", password: NEW_PASSWORD }), { email });
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  assert.equal(user.role, "reviewer");
  assert.deepEqual(user.languages, ["eu", "gl"]);
  assert.equal((await signInWithPassword({ email, password: NEW_PASSWORD, ipAddress: "192.0.2.7" })).userId, user.id);
  assert.equal(await db().auditEvent.count({ where: { subjectId: invitation.id, action: "invitation.accepted", actorId: user.id } }), 1);

  const again = await refusal(acceptInvitation({ token, name: "Someone Else", password: NEW_PASSWORD }));
  assert.equal(again.details?.reason, "link_used");
  assert.deepEqual(again.fields.map((problem) => problem.field), ["token"]);
});

test("an expired invitation is refused and creates nothing; a weak password leaves the link usable", async () => {
  const maintainer = await createTestUser("maintainer");
  const email = freshEmail();
  const invitation = await inviteUser(viewerOf(maintainer), { email, role: "annotator", languages: ["es"] }, delivery);
  const token = tokenOf(invitation.link);
  const weak = await refusal(acceptInvitation({ token, name: "Weak Person", password: "password123" }));
  assert.equal(weak.details?.reason, "weak_password");
  assert.equal((await db().accountLink.findUniqueOrThrow({ where: { id: invitation.id } })).usedAt, null);

  setClockForTests(new Date(Date.parse(invitation.expiresAt) + 1000));
  try {
    const expired = await refusal(acceptInvitation({ token, name: "Late Person", password: NEW_PASSWORD }));
    assert.equal(expired.details?.reason, "link_expired");
  } finally {
    setClockForTests(null);
  }
  assert.equal(await db().user.count({ where: { email } }), 0);
});

test("only maintainers invite, and not an address that already has an account", async () => {
  const reviewer = await createTestUser("reviewer");
  const maintainer = await createTestUser("maintainer");
  assert.equal((await refusal(inviteUser(viewerOf(reviewer), { email: freshEmail(), role: "annotator", languages: [] }, delivery))).code, "forbidden");
  const taken = await refusal(inviteUser(viewerOf(maintainer), { email: reviewer.email, role: "annotator", languages: [] }, delivery));
  assert.equal(taken.code, "conflict");
  assert.deepEqual(taken.fields.map((problem) => problem.field), ["email"]);
});

test("a password reset is offered the same way for unknown addresses, works once, and ends every session of the account", async () => {
  const annotator = await createTestUser("annotator");
  const stranger = freshEmail();
  const unknown = await requestPasswordReset({ email: stranger }, delivery);
  assert.equal(await unknown.delivered, false);
  assert.ok(!mail.messages.some((message) => message.text?.includes(stranger)));

  const session = await createSession(annotator.id, { ipAddress: "192.0.2.8" });
  const linksBefore = await db().accountLink.count({ where: { userId: annotator.id } });
  assert.equal(await (await requestPasswordReset({ email: annotator.email }, delivery)).delivered, true);
  assert.equal(await db().accountLink.count({ where: { userId: annotator.id } }), linksBefore + 1);
  assert.equal(await db().auditEvent.count({ where: { subjectId: annotator.id, action: "password_reset.requested" } }), 1);
  const token = tokenOf(linkIn(await mail.waitForMail(annotator.email)));
  assert.deepEqual(await resetPassword({ token, password: NEW_PASSWORD }), { email: annotator.email });
  assert.equal(await resolveSession(session.id), null, "the old session is over");
  assert.equal((await signInWithPassword({ email: annotator.email, password: NEW_PASSWORD, ipAddress: "192.0.2.8" })).userId, annotator.id);
  assert.equal((await refusal(resetPassword({ token, password: "another long passphrase here" }))).details?.reason, "link_used");
  assert.equal(await db().auditEvent.count({ where: { subjectId: annotator.id, action: "password_reset.completed" } }), 1);
});

test("changing one's password needs the current one and ends the other sessions, not this one", async () => {
  const annotator = await createTestUser("annotator");
  const here = await createSession(annotator.id, {});
  const elsewhere = await createSession(annotator.id, {});
  const viewer = { ...viewerOf(annotator), sessionId: here.id };
  const wrong = await refusal(changeMyPassword(viewer, { currentPassword: "not my password", password: NEW_PASSWORD }));
  assert.deepEqual(wrong.fields.map((problem) => problem.field), ["currentPassword"]);
  assert.ok(await resolveSession(elsewhere.id), "a refused change ends nothing");

  assert.deepEqual(await changeMyPassword(viewer, { currentPassword: annotator.password, password: NEW_PASSWORD }), {
    changed: true,
    otherSessionsEnded: 1,
  });
  assert.ok(await resolveSession(here.id));
  assert.equal(await resolveSession(elsewhere.id), null);
  assert.equal(await db().auditEvent.count({ where: { subjectId: annotator.id, action: "password.changed" } }), 1);
});
