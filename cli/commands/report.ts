import type { Command } from "commander";
import { z } from "zod";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { isUuid } from "@/lib/ids";
import { agreementCsv } from "@/lib/review-quality/agreement-csv";
import { agreementReport } from "@/lib/review-quality/agreement-report";
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

  report
    .command("agreement")
    .description("Reviewer agreement (percent agreement, Cohen's kappa, Krippendorff's alpha per criterion, 95 % intervals), first-round approval rates and gold accuracy.")
    .requiredOption("--email <email>", "the maintainer asking")
    .option("--campaign <slug>", "only this campaign (slug or id)")
    .option("--language <code>", "only this language: es, ca, eu or gl")
    .option("--format <format>", "csv or json", "csv")
    .action(async (options: { email: string; campaign?: string; language?: string; format: string }) => {
      const { format } = formatSchema.parse({ format: options.format });
      await withDatabase(async () => {
        const viewer = await operatorViewer(options.email);
        let campaignId: string | undefined;
        if (options.campaign) {
          const wanted = options.campaign;
          campaignId = isUuid(wanted) ? wanted : (await listCampaigns(viewer)).find((campaign) => campaign.slug === wanted)?.id;
          if (!campaignId) throw new Error(`No campaign ${wanted}.`);
        }
        const result = await agreementReport(viewer, { campaignId, language: options.language as never });
        process.stdout.write(format === "csv" ? agreementCsv(result) : `${JSON.stringify(result, null, 2)}\n`);
      });
    });
}
