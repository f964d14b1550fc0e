// `npm test`: loads the TypeScript test orchestrator through tsx (see tests/support/run-all.ts).
import { tsImport } from "tsx/esm/api";

const { runAllTests } = await tsImport("../tests/support/run-all.ts", import.meta.url);
process.exit(await runAllTests(process.argv.slice(2)));
