// What the process hosting the web app knows about its own parts (the embedded database it supervises, the job
// workers it runs, the migrations it applied), for the readiness check. `escriba start` fills it in; the web app,
// which Next.js bundles separately but runs in the same process, reads it. Hence globalThis, not module state.

export type EmbeddedDatabaseState = "running" | "restarting" | "gave_up";

export interface ProcessStatus {
  /** Set when this process supervises the embedded PostgreSQL. */
  embeddedDatabase?: EmbeddedDatabaseState;
  /** Set when this process runs job workers: whether they still run, and why they stopped. */
  jobWorkers?: { count: number; running: boolean; stoppedBecause?: string };
  /** The migrations this version of escriba needs, as found in prisma/migrations at start. */
  expectedMigrations?: string[];
}

const globalForStatus = globalThis as unknown as { escribaProcessStatus?: ProcessStatus };

export function processStatus(): ProcessStatus {
  globalForStatus.escribaProcessStatus ??= {};
  return globalForStatus.escribaProcessStatus;
}

export function updateProcessStatus(update: Partial<ProcessStatus>): void {
  Object.assign(processStatus(), update);
}
