import type { Command } from "commander";
import { z } from "zod";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { productivityCsv } from "@/lib/productivity/productivity-csv";
import { productivityReport } from "@/lib/productivity/productivity-report";

const formatSchema = z.object({ format: z.enum(["csv", "json"]) });

export function registerReportCommands(program: Command) {
  const report = program.command("report").description("Programme reports.");

  report
    .command("productivity")
    .description("Productivity and earnings per person for the dates from–to (inclusive, programme time zone).")
    .requiredOption("--from <date>", "first day, YYYY-MM-DD")
    .requiredOption("--to <date>", "last day, YYYY-MM-DD")
    .requiredOption("--email <email>", "the account asking: a maintainer gets everyone, anyone else their own figures")
    .option("--campaign <slug>", "only this campaign")
    .option("--format <format>", "csv or json", "csv")
    .action(async (options: { from: string; to: string; email: string; campaign?: string; format: string }) => {
      const { format } = formatSchema.parse({ format: options.format });
      await withDatabase(async () => {
        const viewer = await operatorViewer(options.email);
        const result = await productivityReport(viewer, { from: options.from, to: options.to, campaign: options.campaign });
        process.stdout.write(format === "csv" ? productivityCsv(result) : `${JSON.stringify(result, null, 2)}\n`);
      });
    });
}
