#!/usr/bin/env node
// The `escriba` command: loads the TypeScript CLI through tsx, so operators need no build step.
import { tsImport } from "tsx/esm/api";

const { main } = await tsImport("../cli/main.ts", import.meta.url);
await main(process.argv);
