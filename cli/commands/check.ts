import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import type { Command } from "commander";
import { checkJsonLines, JsonlInputError } from "@/lib/quality/check-jsonl";

/** Writes respecting back-pressure, so checking a huge file through a slow pipe never buffers it all. */
function writeLine(line: string): Promise<void> | void {
  if (process.stdout.write(`${line}\n`)) return;
  return new Promise((resolve) => process.stdout.once("drain", () => resolve()));
}

export function registerCheckCommand(program: Command) {
  program
    .command("check")
    .description(
      "Run the quality checks over JSONL: each line is {\"text\": …} or an item (language, category, instruction, " +
        "context, response). Writes one JSON result line per input line, in order. Needs no database.",
    )
    .option("--input <file>", "read this file instead of standard input")
    .action(async (options: { input?: string }) => {
      if (options.input) {
        await access(options.input).catch(() => {
          throw new Error(`cannot read ${options.input}`);
        });
      }
      const input = options.input ? createReadStream(options.input) : process.stdin;
      try {
        const { lines } = await checkJsonLines(input, writeLine);
        if (process.stderr.isTTY) console.error(`Checked ${lines} line(s).`);
      } catch (error) {
        if (error instanceof JsonlInputError) throw new Error(error.message);
        throw error;
      }
    });
}
