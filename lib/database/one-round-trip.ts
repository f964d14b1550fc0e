// Statements sent to PostgreSQL together, as one simple query: one round trip, and PostgreSQL runs them in one
// implicit transaction (committed after the last, rolled back on any error). Read committed gives each statement
// its own snapshot, so a statement after a lock sees what the lock's previous holder committed. Prisma's
// interactive transactions cost a round trip per statement plus BEGIN and COMMIT, which a hot path such as the
// review claim (64 reviewers on a pool of 10 connections) pays in time every other request waits.
// The simple query protocol has no parameters: values are written into the text as literals, each escaped by the
// driver's own escapeLiteral (standard_conforming_strings aside, it writes E'' strings with doubled backslashes).
import { createHash } from "node:crypto";
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

/** Every batch runs under the same time limit as Prisma's transactions (a cancelled statement is a busy database: 503). */
const statementTimeout = () => `SET LOCAL statement_timeout = ${Math.trunc(env().ESCRIBA_DB_TRANSACTION_TIMEOUT_MS)}`;

/** The rows of result `index` of a simple query of several statements (pg answers one result, or one per statement). */
function rowsOfResult(results: pg.QueryResult | pg.QueryResult[], index: number): unknown[] {
  const result = Array.isArray(results) ? results[index] : results;
  return result?.rows ?? [];
}

/**
 * The statements prepared on each connection (session), by name: a name is a hash of the statement's text. Kept on
 * the connection under a registered symbol, not in a map of this module: the server's bundles each hold their own copy
 * of this module (a page and a route handler both resolve sessions) while sharing one pool, and a copy that did not
 * know what another had prepared on a connection prepared it again, which PostgreSQL refuses.
 */
const PREPARED = Symbol.for("escriba.preparedStatements");
type ConnectionWithPrepared = pg.PoolClient & { [PREPARED]?: Set<string> };

function preparedOn(client: ConnectionWithPrepared): Set<string> {
  return (client[PREPARED] ??= new Set<string>());
}

/**
 * A statement prepared once per connection and statement text (by `prepared`): PostgreSQL parses it once, and with
 * `genericPlan` plans it once too, where a statement sent as text is parsed and planned anew on every call.
 */
export interface PreparedStatement {
  prepared: Prisma.Sql;
  /**
   * Planned once for all its values (a generic plan), never anew for each call. Only for a statement whose best plan
   * depends on no value, such as one that reads rows by key: PostgreSQL keeps planning a prepared statement for each
   * call's values when it estimates that cheaper, and for a large statement planning can cost more than running it.
   */
  genericPlan: boolean;
}

/** A statement of a round trip: sent as text with its values written in, or prepared (PreparedStatement). */
export type RoundTripStatement = Prisma.Sql | PreparedStatement;

export function prepared(statement: Prisma.Sql, { genericPlan = false }: { genericPlan?: boolean } = {}): PreparedStatement {
  return { prepared: statement, genericPlan };
}

/** One round trip's text, in parts: `resultIndex[k]` is the index in `parts` of statement k's result. */
interface Batch {
  parts: string[];
  resultIndex: number[];
  /** This text prepares a statement, so if the query fails the connection may or may not hold it. */
  preparing: boolean;
}

/** The name a statement is prepared under on a connection: a hash of its text. */
const preparedName = (statement: Prisma.Sql) => `escriba_${createHash("sha256").update(statement.text).digest("hex").slice(0, 24)}`;

/**
 * The statements as the text of one simple query, each PreparedStatement prepared on this connection the first time
 * it is sent there and executed with its values; with `explain`, each statement's plan is asked for instead.
 */
function batchOf(client: pg.PoolClient, statements: RoundTripStatement[], { explain = false } = {}): Batch {
  const batch: Batch = { parts: [], resultIndex: [], preparing: false };
  const run = explain ? "EXPLAIN " : "";
  for (const statement of statements) {
    if (!("prepared" in statement)) {
      batch.resultIndex.push(batch.parts.push(`${run}${inlineSql(statement)}`) - 1);
      continue;
    }
    const { prepared: sql, genericPlan } = statement;
    const name = preparedName(sql);
    const onClient = preparedOn(client);
    if (!onClient.has(name)) {
      // PREPARE is not transactional: it stands even when the rest of the batch fails.
      batch.parts.push(`PREPARE ${name} AS ${sql.text}`);
      onClient.add(name);
      batch.preparing = true;
    }
    // The plan is chosen when EXECUTE runs, so the setting is on for that statement alone (SET LOCAL, and back to the
    // server's setting right after it): every other statement, in this batch or a later one of the same
    // transaction, plans as the server is configured.
    if (genericPlan) batch.parts.push("SET LOCAL plan_cache_mode = force_generic_plan");
    batch.resultIndex.push(batch.parts.push(`${run}EXECUTE ${name}(${sql.values.map(literal).join(", ")})`) - 1);
    if (genericPlan) batch.parts.push("SET LOCAL plan_cache_mode = DEFAULT");
  }
  return batch;
}

/** The rows of each statement of a batch, from the results of a query that sent `skipped` parts before it. */
function rowsOfEach(results: pg.QueryResult | pg.QueryResult[], batch: Batch, skipped: number): unknown[][] {
  return batch.resultIndex.map((index) => rowsOfResult(results, skipped + index));
}

/** Runs the statements as one transaction in one round trip and returns the rows of the last one. */
export async function queryInOneRoundTrip<Row>(statements: RoundTripStatement[]): Promise<Row[]> {
  return (await queryEachInOneRoundTrip(statements)).at(-1) as Row[];
}

/** Runs the statements as one transaction in one round trip and returns the rows of each. */
export async function queryEachInOneRoundTrip(statements: RoundTripStatement[]): Promise<unknown[][]> {
  return sendInOneRoundTrip(statements, { explain: false });
}

/**
 * The plan PostgreSQL makes for the statement when it is sent as these functions send it (prepared or not, with a
 * generic plan or not), from EXPLAIN: nothing is run. For benchmarks that must notice a plan gone wrong.
 */
export async function planOf(statement: RoundTripStatement): Promise<string> {
  const [rows] = (await sendInOneRoundTrip([statement], { explain: true })) as { "QUERY PLAN": string }[][];
  return rows!.map((row) => row["QUERY PLAN"]).join("\n");
}

async function sendInOneRoundTrip(statements: RoundTripStatement[], options: { explain: boolean }): Promise<unknown[][]> {
  const client = await databasePool().connect();
  let preparing = false;
  let failed = false;
  try {
    const batch = batchOf(client, statements, options);
    preparing = batch.preparing;
    const results = await client.query([statementTimeout(), ...batch.parts].join(";\n"));
    return rowsOfEach(results, batch, 1);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A connection whose preparing batch failed may or may not hold the statement: it is closed, not guessed about.
    client.release(failed && preparing ? true : undefined);
  }
}

/** Sends statements within a transactionInRoundTrips; `commit` ends the transaction in the same round trip. */
export type SendInTransaction = <Row>(statements: RoundTripStatement[], options?: { commit?: boolean }) => Promise<Row[]>;

/**
 * A transaction that needs some work in Node between its statements (a check of what the first statement returned),
 * in as many round trips as that work needs and no more: BEGIN goes with the first statements, COMMIT with the last
 * (`send(…, { commit: true })`), where a Prisma interactive transaction sends each on its own. Each send returns the
 * rows of its last statement. The work returning without committing commits; the work throwing, or a statement
 * failing, rolls back. Values are written in as literals, as in queryInOneRoundTrip.
 */
export async function transactionInRoundTrips<T>(work: (send: SendInTransaction) => Promise<T>): Promise<T> {
  const client = await databasePool().connect();
  let begun = false;
  let ended = false;
  let broken = false;
  const send: SendInTransaction = async <Row>(statements: RoundTripStatement[], options: { commit?: boolean } = {}) => {
    if (ended) throw new Error("The transaction has already been committed.");
    const parts = begun ? [] : ["BEGIN", statementTimeout()];
    const skipped = parts.length;
    begun = true;
    const batch = batchOf(client, statements);
    parts.push(...batch.parts);
    if (options.commit) parts.push("COMMIT");
    try {
      const results = await client.query(parts.join(";\n"));
      if (options.commit) ended = true;
      return rowsOfEach(results, batch, skipped).at(-1) as Row[];
    } catch (error) {
      // A connection whose preparing batch failed may or may not hold the statement: it is closed, not guessed about.
      // (A failure anywhere before COMMIT skips the rest of the batch, COMMIT included: the transaction is still open.)
      if (batch.preparing) broken = true;
      throw error;
    }
  };
  try {
    const result = await work(send);
    if (begun && !ended) await client.query("COMMIT");
    ended = true;
    return result;
  } catch (error) {
    if (begun && !ended) {
      // A connection that cannot even roll back is closed rather than handed to the next caller mid-transaction.
      await client.query("ROLLBACK").catch(() => {
        broken = true;
      });
    }
    throw error;
  } finally {
    client.release(broken || undefined);
  }
}
