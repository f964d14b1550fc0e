// Entry of the Parquet worker thread: the builder runs from TypeScript sources (through tsx), and so does this.
import { tsImport } from "tsx/esm/api";

await tsImport("./parquet-thread.ts", import.meta.url);
