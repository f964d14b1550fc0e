import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { withDatabase } from "@/cli/with-database";
import { printDemoAccounts } from "@/cli/print-demo-accounts";
import { seedDemoAccounts } from "@/lib/demo/seed-demo";
import { seedSyntheticProgramme, SYNTHETIC_PASSWORD } from "@/lib/demo/seed-synthetic-programme";

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("a whole number");
  return Number(value);
}

export function registerSeedCommand(program: Command) {
  program
    .command("seed")
    .description("Add demo data, or synthetic volumes of a whole programme (for benchmarks).")
    .option("--demo", "create the demo accounts (one per role) when missing")
    .option("--synthetic <items>", "create N synthetic items with people, campaigns, reviews, earnings and active time", wholeNumber)
    .option("--people <n>", "synthetic annotators and reviewers (a fifth of them reviewers)", wholeNumber, 500)
    .option("--months <n>", "months the synthetic items spread over, up to today", wholeNumber, 12)
    .option("--tag <tag>", "prefix of the synthetic e-mail addresses and campaign slugs", "synthetic")
    .action(async (options: { demo?: boolean; synthetic?: number; people: number; months: number; tag: string }) => {
      if (!options.demo && options.synthetic === undefined) program.error("seed needs --demo or --synthetic <items>");
      await withDatabase(async () => {
        if (options.demo) {
          const created = await seedDemoAccounts();
          console.log(created.length === 0 ? "Demo accounts already exist." : `Created ${created.join(", ")}.`);
          printDemoAccounts();
        }
        if (options.synthetic !== undefined) {
          const summary = await seedSyntheticProgramme({
            items: options.synthetic,
            people: options.people,
            months: options.months,
            tag: options.tag,
            onStep: (step, rows, seconds) => console.log(`${step}: ${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s`),
          });
          console.log(`Synthetic programme "${summary.tag}": campaigns ${summary.campaignSlugs.join(", ")}.`);
          console.log(`People sign in as ${summary.tag}-annotator-0100@synthetic.escriba.test (and so on) with password ${SYNTHETIC_PASSWORD}.`);
        }
      });
    });
}
