// Stopping escriba: Prisma disconnects (its adapter then takes its error listener off the pool), and the embedded
// PostgreSQL, stopping too, drops the idle connections left in the pool. That must be a logged line, not an uncaught
// exception that prints a stack and a client object at every Ctrl-C.
import assert from "node:assert/strict";
import { after, test } from "node:test";
import pg from "pg";
import { databasePoolStats, db, disconnectDb } from "@/lib/db";
import { databaseUrl } from "@/lib/env";

after(disconnectDb);

test("an idle pooled connection dropped by PostgreSQL after Prisma disconnected is logged, not thrown", async () => {
  const [backend] = await db().$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  assert.equal(databasePoolStats().idle, 1, "the connection went back to the pool, idle");
  await db().$disconnect();

  const logged: string[] = [];
  const originalError = console.error;
  console.error = (...parts: unknown[]) => void logged.push(parts.map(String).join(" "));
  try {
    const admin = new pg.Client({ connectionString: databaseUrl() });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend($1)", [backend!.pid]);
    await admin.end();
    // The pool notices the dropped connection when its socket closes; without a listener the process would throw here.
    for (let waited = 0; databasePoolStats().total > 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    console.error = originalError;
  }
  assert.equal(databasePoolStats().total, 0, "the dropped connection left the pool");
  assert.ok(logged.some((line) => line.includes("terminating connection due to administrator command")), logged.join("\n"));
});
