// Generates the Prisma client after install. Prisma only needs its schema engine for migrate/db commands;
// pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file stops `generate` from trying to download it,
// which fails on machines without access to Prisma's servers. Scoped to this one command on purpose.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const engineEnv = process.env.PRISMA_SCHEMA_ENGINE_BINARY || (existsSync("/bin/false") ? "/bin/false" : process.execPath);
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engineEnv, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
});
process.exit(result.status ?? 1);
