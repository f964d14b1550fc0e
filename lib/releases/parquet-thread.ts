// The worker-thread side of ParquetFileOffThread: one Parquet file, written row group by row group as the main
// thread sends them. Encoding and Snappy are the costliest part of a build; here they run beside the JSONL.
import { parentPort } from "node:worker_threads";
import { ParquetFile, type ParquetColumnValues, type ParquetSchema } from "./release-files";

export type ParquetThreadRequest =
  | { type: "open"; absolutePath: string; relativePath: string; schema: ParquetSchema; createdBy: string }
  | { type: "rows"; columns: { name: string; data: ParquetColumnValues }[] }
  | { type: "close" };

export type ParquetThreadReply =
  | { type: "written" }
  | { type: "closed"; file: { path: string; sizeBytes: number; sha256: string } }
  | { type: "failed"; message: string };

let file: ParquetFile | null = null;
const reply = (message: ParquetThreadReply) => parentPort!.postMessage(message);

parentPort!.on("message", (request: ParquetThreadRequest) => {
  try {
    if (request.type === "open") {
      file = new ParquetFile(request.absolutePath, request.relativePath, request.schema, request.createdBy);
    } else if (request.type === "rows") {
      file!.writeRowGroup(request.columns);
      reply({ type: "written" });
    } else {
      reply({ type: "closed", file: file!.close() });
    }
  } catch (error) {
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
});
