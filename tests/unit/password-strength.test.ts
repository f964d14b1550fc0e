// The password rule's verdicts on the passwords the probe got through, and on the ones the project itself relies on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assessPassword } from "@/lib/auth/password-strength";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/seed-demo";
import { TEST_PASSWORD } from "@/tests/support/seed-users";

test("common, repeated, sequential and dictionary passwords of ten characters or more are weak", () => {
  for (const password of ["1234567890", "aaaaaaaaaa", "password12", "qwertyuiop", "contraseña123", "escriba2026"]) {
    const assessment = assessPassword(password);
    assert.equal(assessment.strong, false, `${password} scored ${assessment.score}`);
  }
});

test("a password made of the person's own name or e-mail is weak", () => {
  assert.equal(assessPassword("mirenetxeberria", ["miren.etxeberria@test.escriba", "Miren Etxeberria"]).strong, false);
});

test("a few unrelated words, or random characters, are strong; weak ones come with advice", () => {
  for (const password of ["correct horse battery staple", "xk7-plum-ravine-44", "mi perro se llama Toby", "kT9#vq2Lm!xR"]) {
    assert.equal(assessPassword(password).strong, true, password);
  }
  const weak = assessPassword("1234567890");
  assert.ok(weak.warning || weak.suggestions.length > 0, "something to tell the person");
});

test("the demo and test accounts' passwords pass the rule", () => {
  for (const account of DEMO_ACCOUNTS) {
    assert.equal(assessPassword(DEMO_PASSWORD, [account.email, account.name]).strong, true, account.email);
  }
  assert.equal(assessPassword(TEST_PASSWORD, ["annotator-0a1b2c3d4e@test.escriba", "Annotator 0a1b"]).strong, true);
});
