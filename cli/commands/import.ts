import { createReadStream } from "node:fs";
import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { AppError } from "@/lib/errors";
import { importItems } from "@/lib/imports/import-items";

export function registerImportCommand(program: Command) {
  program
    .command("import <file>")
    .description("Import items from JSONL into a campaign (one item per line); a re-run skips external ids already imported.")
    .requiredOption("--campaign <slug>", "the campaign the items join")
    .requiredOption("--email <email>", "the maintainer account importing (named in the audit log)")
    .option("--dry-run", "check every line and report what would happen, writing nothing")
    .option("--update", "give items already imported (drafts or waiting for review) a new revision from the file")
    .action(async (file: string, options: { campaign: string; email: string; dryRun?: boolean; update?: boolean }) => {
      await withDatabase(async () => {
        let reported = 0;
        const summary = await importItems(await operatorViewer(options.email), {
          campaign: options.campaign,
          input: createReadStream(file),
          dryRun: options.dryRun ?? false,
          update: options.update ?? false,
          onProgress: (running) => {
            // Refusals as they happen: one line each, number and field first.
            for (const problem of running.problems.slice(reported)) console.error(`line ${problem.line}: ${problem.field}: ${problem.message}`);
            reported = running.problems.length;
          },
        });
        const verb = summary.dryRun ? "Dry run (nothing written): would create" : "Created";
        console.log(
          `${verb} ${summary.created}, updated ${summary.updated}, skipped ${summary.skipped}, refused ${summary.refused} of ${summary.lines} lines.`,
        );
        // Refused lines make the command fail (exit 2, like any refused input), so scripts can tell; the rest is imported.
        if (summary.refused > 0) {
          throw new AppError("validation_failed", `${summary.refused} of ${summary.lines} lines were refused (listed above); the others were handled.`);
        }
      });
    });
}
