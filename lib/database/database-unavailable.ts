// Recognises the errors that mean "the database cannot serve this now" (no free connection in time, server
// unreachable, restarting or shutting down), as opposed to a bug or a bad query: those become 503, not 500.
import { AppError } from "@/lib/errors";

/** Seconds a client is asked to wait: a busy pool clears in moments, a restarting server takes a little longer. */
const RETRY_AFTER_BUSY_SECONDS = 2;
const RETRY_AFTER_UNREACHABLE_SECONDS = 5;

/** Prisma's codes for "cannot reach / lost the server" and for "could not start (or finish) the transaction in time". */
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
const BUSY_PRISMA_CODES = new Set(["P2024", "P2028"]);
/** The driver adapter's kinds for a lost or unreachable server. */
const UNREACHABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Socket errors of the pg driver. */
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EPIPE", "EHOSTUNREACH"]);
/**
 * SQLSTATEs: class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
 * (starting up or shutting down), 53300 too many connections.
 */
const UNREACHABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
/** 57014: a statement cancelled by the statement_timeout a transaction sets for itself (one-round-trip.ts). */
const BUSY_SQLSTATE = "57014";
/** pg-pool's own messages: waiting for a connection timed out, or the server went away under a client. */
const BUSY_MESSAGE = /timeout exceeded when trying to connect/i;
const UNREACHABLE_MESSAGE = /Connection terminated|Client has encountered a connection error|Connection ended unexpectedly/i;

type Verdict = "busy" | "unreachable" | null;

function verdictOf(error: unknown, depth = 0): Verdict {
  if (!error || typeof error !== "object" || depth > 4) return null;
  const candidate = error as {
    code?: unknown;
    message?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  const code = typeof candidate.code === "string" ? candidate.code : undefined;
  const message = typeof candidate.message === "string" ? candidate.message : "";
  if (code && (BUSY_PRISMA_CODES.has(code) || code === BUSY_SQLSTATE)) return "busy";
  if (code && (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code) || UNREACHABLE_SQLSTATE.test(code))) {
    return "unreachable";
  }
  if (typeof candidate.originalCode === "string" && UNREACHABLE_SQLSTATE.test(candidate.originalCode)) return "unreachable";
  if (typeof candidate.kind === "string" && UNREACHABLE_ADAPTER_KINDS.has(candidate.kind)) return "unreachable";
  if (BUSY_MESSAGE.test(message)) return "busy";
  if (UNREACHABLE_MESSAGE.test(message)) return "unreachable";
  return verdictOf(candidate.meta?.driverAdapterError, depth + 1) ?? verdictOf(candidate.cause, depth + 1);
}

/** The 503 AppError for an error that means the database cannot serve now; null for anything else. */
export function databaseUnavailableError(error: unknown): AppError | null {
  const verdict = verdictOf(error);
  if (!verdict) return null;
  return verdict === "busy"
    ? new AppError("unavailable", "The server is busy; please try again in a moment.", {
        details: { retryAfterSeconds: RETRY_AFTER_BUSY_SECONDS },
      })
    : new AppError("unavailable", "The database is not reachable at the moment; please try again shortly.", {
        details: { retryAfterSeconds: RETRY_AFTER_UNREACHABLE_SECONDS },
      });
}
