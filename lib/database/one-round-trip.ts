// Statements sent to PostgreSQL together, as one simple query: one round trip, and PostgreSQL runs them in one
// implicit transaction (committed after the last, rolled back on any error). Read committed gives each statement
// its own snapshot, so a statement after a lock sees what the lock's previous holder committed. Prisma's
// interactive transactions cost a round trip per statement plus BEGIN and COMMIT, which a hot path such as the
// review claim (64 reviewers on a pool of 10 connections) pays in time every other request waits.
// The simple query protocol has no parameters: values are written into the text as literals, each escaped by the
// driver's own escapeLiteral (standard_conforming_strings aside, it writes E'' strings with doubled backslashes).
import pg from "pg";
import { databasePool } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

function literal(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return `(${value.toString()})`;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot write ${value} as an SQL literal.`);
    return `(${String(value)})`;
  }
  if (value instanceof Date) return pg.escapeLiteral(value.toISOString());
  if (Array.isArray(value) && value.every((element) => typeof element === "string")) {
    return value.length === 0 ? "'{}'::text[]" : `ARRAY[${value.map((element) => pg.escapeLiteral(element)).join(", ")}]::text[]`;
  }
  throw new TypeError(`Cannot write a value of type ${typeof value} as an SQL literal.`);
}

/** A Prisma.sql statement as plain text, its parameters written in as literals. */
export function inlineSql(statement: Prisma.Sql): string {
  const values = statement.values;
  return statement.text.replace(/\$(\d+)/g, (placeholder, digits: string) => {
    const index = Number(digits) - 1;
    if (index < 0 || index >= values.length) throw new RangeError(`${placeholder} has no value.`);
    return literal(values[index]);
  });
}

/** Connections (sessions) that hold a prepared statement, by name, with the text it was prepared from. */
const preparedOn = new WeakMap<object, Map<string, string>>();

/**
 * Runs the statements as one transaction in one round trip and returns the rows of the last one. The transaction is
 * bounded by the same time limit as Prisma's transactions (a cancelled statement is a busy database: 503).
 * `prepareLastAs`: the last statement is prepared once per connection under that name and executed with its values,
 * so PostgreSQL plans it once per connection (a large statement's planning can cost more than running it).
 */
export async function queryInOneRoundTrip<Row>(statements: Prisma.Sql[], options: { prepareLastAs?: string } = {}): Promise<Row[]> {
  const timeout = `SET LOCAL statement_timeout = ${Math.trunc(env().ESCRIBA_DB_TRANSACTION_TIMEOUT_MS)}`;
  const client = await databasePool().connect();
  let preparing = false;
  let failed = false;
  try {
    const parts = [timeout];
    const last = statements[statements.length - 1];
    const name = options.prepareLastAs;
    for (const statement of name ? statements.slice(0, -1) : statements) parts.push(inlineSql(statement));
    if (name && last) {
      const prepared = preparedOn.get(client) ?? new Map<string, string>();
      preparedOn.set(client, prepared);
      // PREPARE and DEALLOCATE are not transactional: a PREPARE in a batch that fails stays prepared.
      if (prepared.get(name) !== last.text) {
        if (prepared.has(name)) parts.unshift(`DEALLOCATE ${name}`);
        parts.unshift(`PREPARE ${name} AS ${last.text}`);
        prepared.set(name, last.text);
        preparing = true;
      }
      parts.push(`EXECUTE ${name}(${last.values.map(literal).join(", ")})`);
    }
    const results = await client.query(parts.join(";\n"));
    const rows = Array.isArray(results) ? results[results.length - 1] : results;
    return (rows?.rows ?? []) as Row[];
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection whose preparing batch failed may or may not hold the statement: it is closed, not guessed about.
    client.release(failed && preparing ? true : undefined);
  }
}
