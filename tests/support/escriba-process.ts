// `escriba start` as a process of its own, for tests that kill things: its output, bounded waits, its exit.
import { spawn, type ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";

export interface EscribaProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves when the output matches, rejects after `withinMs` or when the process exits first. */
  waitForOutput(pattern: RegExp, withinMs: number): Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) and signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `escriba start` by default; `args` runs another command the same way (`["worker"]`, say). */
export function startEscribaProcess(
  env: Record<string, string | undefined>,
  args: string[] = ["start", "--no-build", "--no-demo", "--hostname", "127.0.0.1"],
): EscribaProcess {
  const merged: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...env })) if (value !== undefined) merged[key] = value;
  const child = spawn(process.execPath, ["bin/escriba.mjs", ...args], {
    env: merged as NodeJS.ProcessEnv,
    stdio: "pipe",
  });
  child.stdin.end();
  let text = "";
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => text,
    exited,
    waitForOutput(pattern, withinMs) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(text)) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${withinMs} ms; output:\n${text}`));
        }, withinMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        void exited.then(({ code, signal }) => {
          if (!listeners.has(check)) return;
          done();
          reject(new Error(`escriba exited (${code ?? signal}) before ${pattern}; output:\n${text}`));
        });
        listeners.add(check);
        check();
      });
    },
  };
}

/** The pid of the PostgreSQL postmaster running on `dataDir`'s cluster (first line of postmaster.pid). */
export async function postmasterPidOf(dataDir: string): Promise<number> {
  const pid = Number((await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) throw new Error(`no postmaster pid in ${dataDir}`);
  return pid;
}

/** Whether a process is there, the same test escriba itself makes of a PostgreSQL it finds. */
export { isProcessAlive as isRunning } from "@/lib/database/embedded-server";

/** Polls `condition` every 100 ms; throws `message` if it is still false after `withinMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, withinMs: number, message: string): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await condition())) throw new Error(message);
}
