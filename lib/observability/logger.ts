// Structured logs: one JSON object per line on stdout (pino), each with the request id of the request or job it
// was written for.
import pino, { type Logger } from "pino";
import { env } from "@/lib/env";
import { currentRequestId } from "./request-context";

const globalForLogger = globalThis as unknown as { escribaLogger?: Logger };

export function logger(): Logger {
  globalForLogger.escribaLogger ??= pino({
    level: env().ESCRIBA_LOG_LEVEL,
    base: { service: "escriba", pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  });
  return globalForLogger.escribaLogger;
}
