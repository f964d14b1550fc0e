// Keeps the embedded PostgreSQL of `escriba start` running: when it dies (killed, crashed) it is started again a
// bounded number of times with growing pauses, every step logged; meanwhile requests are answered 503.
import type { EmbeddedServer } from "@/lib/database/embedded-server";
import { updateProcessStatus } from "@/lib/health/process-status";

/** Pauses before each restart attempt: after a kill -9 the old server's backends need a moment to notice and exit. */
export const RESTART_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000];

export function superviseEmbeddedServer(
  server: EmbeddedServer,
  options: { log: (line: string) => void; onGiveUp: (error: Error) => void; delaysMs?: number[] },
): void {
  const delays = options.delaysMs ?? RESTART_DELAYS_MS;
  updateProcessStatus({ embeddedDatabase: "running" });
  server.onUnexpectedExit(async ({ code, signal }) => {
    updateProcessStatus({ embeddedDatabase: "restarting" });
    options.log(`PostgreSQL stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); restarting it.`);
    let lastError: Error = new Error("no attempt made");
    for (const [index, delay] of delays.entries()) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      try {
        await server.restart();
        updateProcessStatus({ embeddedDatabase: "running" });
        options.log(`PostgreSQL is running again (attempt ${index + 1} of ${delays.length}).`);
        return;
      } catch (error) {
        lastError = error instanceof Error ? error : new Error(String(error));
        options.log(`Restart attempt ${index + 1} of ${delays.length} failed: ${lastError.message}`);
      }
    }
    updateProcessStatus({ embeddedDatabase: "gave_up" });
    options.onGiveUp(lastError);
  });
}
