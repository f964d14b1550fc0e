// Finds the database to use: DATABASE_URL when set; otherwise the embedded server, reusing it when a live escriba
// process already runs it, or starting it for as long as this process needs it (an orphan is restarted as ours).
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { liveOwnerOf, startEmbeddedServer, stopOrphanedServer, type EmbeddedServer } from "@/lib/database/embedded-server";
import { env, useDatabaseUrl } from "@/lib/env";

export const EMBEDDED_DATABASE_NAME = "escriba";

export interface ConnectedDatabase {
  url: string;
  kind: "external" | "embedded-started" | "embedded-running";
  /** The embedded server this process started, if any; stop it when done. */
  server?: EmbeddedServer;
  release(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function connectDatabase(options: { log?: (line: string) => void } = {}): Promise<ConnectedDatabase> {
  const config = env();
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, kind: "external", release: async () => {} };
  }
  const credentialsFile = path.join(config.dataDir, "postgres-credentials.json");
  const password = await readFile(credentialsFile, "utf8")
    .then((text) => (JSON.parse(text) as { password: string }).password)
    .catch(() => null);
  if (password) {
    const runningUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${config.ESCRIBA_PG_PORT}/${EMBEDDED_DATABASE_NAME}`;
    if (await answers(runningUrl)) {
      if ((await liveOwnerOf(config.dataDir)) !== null) {
        useDatabaseUrl(runningUrl);
        return { url: runningUrl, kind: "embedded-running", release: async () => {} };
      }
      // Nobody owns it any more (its escriba was killed): adopting it as it is would leave it running for ever,
      // since nothing would stop it. Stop it and start it again as ours.
      await stopOrphanedServer(config.dataDir, (line) => console.log(line));
    }
  }
  const server = await startEmbeddedServer({ dataDir: config.dataDir, port: config.ESCRIBA_PG_PORT, log: options.log });
  await server.ensureDatabase(EMBEDDED_DATABASE_NAME);
  const url = server.urlFor(EMBEDDED_DATABASE_NAME);
  useDatabaseUrl(url);
  return { url, kind: "embedded-started", server, release: () => server.stop() };
}
