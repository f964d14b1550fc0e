// Builds the Next.js app when the sources changed since the last build, so `escriba start` is one command.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { PROJECT_ROOT } from "@/cli/web-server";

const SOURCES = ["app", "components", "lib", "messages", "proxy.ts", "next.config.js", "package.json", "package-lock.json", "tsconfig.json"];

async function newestModification(target: string): Promise<number> {
  const info = await stat(target).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target, { withFileTypes: true });
  const times = await Promise.all(entries.map((entry) => newestModification(path.join(target, entry.name))));
  return Math.max(info.mtimeMs, ...times);
}

export async function buildIsStale(): Promise<boolean> {
  const buildId = path.join(PROJECT_ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = (await stat(buildId)).mtimeMs;
  const times = await Promise.all(SOURCES.map((source) => newestModification(path.join(PROJECT_ROOT, source))));
  return Math.max(...times) > built;
}

export async function buildApp(): Promise<void> {
  const nextBin = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, "build"], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}).`))));
    child.on("error", reject);
  });
}
