// The `escriba` command as an operator runs it: a real process against the test database.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { db, disconnectDb } from "@/lib/db";
import { runEscriba } from "@/tests/support/run-escriba";

after(disconnectDb);

const escriba = (args: string[], stdin = "") => runEscriba(args, { stdin });

test("user create and token create make a working account and token", async () => {
  const email = `cli-${randomBytes(4).toString("hex")}@test.escriba`;
  const created = await escriba(["user", "create", "--email", email, "--role", "reviewer", "--languages", "eu,gl"]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Password: \S{10,}/);
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  assert.equal(user.role, "reviewer");
  assert.deepEqual(user.languages, ["eu", "gl"]);

  const token = await escriba(["token", "create", "--email", email, "--name", "ci"]);
  assert.equal(token.code, 0, token.stderr);
  const viewer = await resolveApiToken(token.stdout.trim());
  assert.equal(viewer?.id, user.id);
});

test("bad input to user create names the field and writes nothing", async () => {
  const email = `cli-${randomBytes(4).toString("hex")}@test.escriba`;
  const result = await escriba(["user", "create", "--email", email, "--role", "boss", "--languages", "es,xx"]);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /role/);
  assert.match(result.stderr, /languages\.1/);
  assert.equal(await db().user.count({ where: { email } }), 0);
});

test("user create refuses a weak password, naming the field, and writes nothing", async () => {
  const email = `cli-${randomBytes(4).toString("hex")}@test.escriba`;
  const result = await escriba(["user", "create", "--email", email, "--role", "annotator", "--password", "password12"]);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /password: too easy to guess/);
  assert.equal(await db().user.count({ where: { email } }), 0);
});

test("token create for an unknown account fails clearly", async () => {
  const result = await escriba(["token", "create", "--email", "nobody-at-all@test.escriba"]);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /not found/);
});

test("check writes one result line per input line, in order, and reports bad lines without stopping", async () => {
  const input = [
    JSON.stringify({ text: "Mi DNI es 12345678Z y vivo en Madrid desde hace muchos años." }),
    "{not json",
    JSON.stringify({ text: "Gaur goizean mendira joan gara lagunekin eta oso ondo pasatu dugu." }),
  ].join("\n");
  const result = await escriba(["check"], `${input}\n`);
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
  assert.equal(lines.length, 3);
  assert.equal(lines[0].language, "es");
  assert.deepEqual(lines[0].pii, [{ type: "dni", start: 10, end: 19 }]);
  assert.equal(lines[1].error.line, 2);
  assert.equal(lines[2].language, "eu");
});

test("check with an unreadable input file exits non-zero with a message naming it", async () => {
  const result = await escriba(["check", "--input", "/no/such/file.jsonl"]);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /\/no\/such\/file\.jsonl/);
});
