// The built app (`npm run build`) served by `escriba start --no-build` on a bench database, for benches over HTTP.
// The server never outlives the bench process.
import { spawn } from "node:child_process";

/**
 * Node options for the server alone, e.g. `ESCRIBA_BENCH_SERVER_NODE_OPTIONS="--cpu-prof --cpu-prof-dir=prof"` to see
 * where its CPU goes under a bench's load (NODE_OPTIONS refuses --cpu-prof, and would profile the bench too).
 */
const serverNodeOptions = () => process.env.ESCRIBA_BENCH_SERVER_NODE_OPTIONS?.split(/\s+/).filter(Boolean) ?? [];

export async function startBenchApp(databaseUrl: string, port: number): Promise<{ stop(): Promise<void> }> {
  const server = spawn(process.execPath, [...serverNodeOptions(), "bin/escriba.mjs", "start", "--no-build", "--no-demo", "--hostname", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("escriba is running") && resolve());
    server.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  process.on("exit", () => server.kill("SIGTERM"));
  return {
    async stop() {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.on("exit", resolve));
    },
  };
}
