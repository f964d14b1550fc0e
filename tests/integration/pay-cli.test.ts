// `escriba period close` and `escriba statement export` as an operator runs them: real processes against the test
// database, files checked with sha256sum.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { db, disconnectDb } from "@/lib/db";
import { createAdjustment } from "@/lib/pay/adjustments";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { listStatements } from "@/lib/pay/read-statements";
import { readCsv } from "@/tests/support/read-csv";
import { runEscriba } from "@/tests/support/run-escriba";
import { createTestUser } from "@/tests/support/seed-users";
import { viewerOf } from "@/tests/support/viewers";

after(disconnectDb);

test("period close creates a past month's period when missing and closes it once; statement export writes files whose SHA-256 it prints", async () => {
  const maintainer = await createTestUser("maintainer", ["es"]);
  const payee = await createTestUser("annotator", ["gl"], "cobro");
  const period = await createPayPeriod(viewerOf(maintainer), { label: "2001-02", startsOn: "2001-02-01", endsOn: "2001-02-28" });
  await createAdjustment(viewerOf(maintainer), { periodId: period.id, userId: payee.id, amount: "-5.00", reason: "=1+1 corrección" });

  const closed = await runEscriba(["period", "close", "2001-02", "--email", maintainer.email]);
  assert.equal(closed.code, 0, closed.stderr);
  assert.match(closed.stdout, /Closed pay period 2001-02 .*1 statement\(s\), -5\.00 EUR/);
  const again = await runEscriba(["period", "close", "2001-02", "--email", maintainer.email]);
  assert.notEqual(again.code, 0);
  assert.match(again.stderr, /2001-02 is already closed/);

  const created = await runEscriba(["period", "close", "2001-05", "--email", maintainer.email]);
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /Created pay period 2001-05/);
  const month = await db().payPeriod.findUniqueOrThrow({ where: { label: "2001-05" } });
  assert.deepEqual([month.startsOn.toISOString().slice(0, 10), month.endsOn.toISOString().slice(0, 10), month.status], ["2001-05-01", "2001-05-31", "closed"]);

  const out = await mkdtemp(path.join(tmpdir(), "escriba-statements-"));
  try {
    const exported = await runEscriba(["statement", "export", "2001-02", "--out", out]);
    assert.equal(exported.code, 0, exported.stderr);
    const printed = exported.stdout.trim().split("\n");
    assert.deepEqual((await readdir(out)).sort(), printed.map((line) => line.split("  ")[1]).sort());
    assert.equal(printed.length, 2, "the person's file and everyone's");
    await writeFile(path.join(out, "SHA256SUMS"), `${exported.stdout}`);
    const { stdout: checked } = await promisify(execFile)("sha256sum", ["-c", "SHA256SUMS"], { cwd: out });
    assert.match(checked, /: OK\n.*: OK/s);
    const [statement] = await listStatements(viewerOf(payee), { periodId: period.id });
    const own = printed.find((line) => line.startsWith(statement!.csvSha256));
    assert.ok(own, "the person's file hashes to the SHA-256 kept at closing");
    const text = await readFile(path.join(out, own.split("  ")[1]!), "utf8");
    const adjustment = readCsv(text).find((row) => row[4] === "adjustment");
    assert.deepEqual([adjustment?.[10], adjustment?.[11], adjustment?.[12]], ["-5.00", "EUR", "'=1+1 corrección"]);

    const one = await runEscriba(["statement", "export", "2001-02", "--user", payee.email, "--out", path.join(out, "one")]);
    assert.equal(one.code, 0, one.stderr);
    assert.equal(one.stdout.trim(), own);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
