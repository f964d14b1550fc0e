// The built app (`npm run build`) served by `escriba start --no-build` on a bench database, for benches over HTTP.
// The server never outlives the bench process.
import { spawn } from "node:child_process";

export async function startBenchApp(databaseUrl: string, port: number): Promise<{ stop(): Promise<void> }> {
  const server = spawn(process.execPath, ["bin/escriba.mjs", "start", "--no-build", "--no-demo", "--hostname", "127.0.0.1"], {
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
