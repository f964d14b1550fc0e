// The request id of whatever this async call chain is serving (an API request, a job run), so that every log line
// written on its behalf carries it without being passed along by hand.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

interface RequestContext {
  requestId: string;
}

// On globalThis: the web app's bundled modules and the CLI's own copies run in one process and must share it.
const globalForContext = globalThis as unknown as { escribaRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalForContext.escribaRequestContext ??= new AsyncLocalStorage<RequestContext>());

/** A proxy's or client's id is kept when it is a plain token (it ends up in logs and headers); else a new one. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers): string {
  const sent = headers.get("x-request-id");
  return sent && ACCEPTABLE_ID.test(sent) ? sent : randomUUID();
}

export function withRequestId<T>(requestId: string, run: () => T): T {
  return storage.run({ requestId }, run);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
