import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { printDemoAccounts } from "@/cli/print-demo-accounts";
import { seedDemoAccounts } from "@/lib/demo/seed-demo";

export function registerSeedCommand(program: Command) {
  program
    .command("seed")
    .description("Add demo data.")
    .requiredOption("--demo", "create the demo accounts (one per role) when missing")
    .action(async () => {
      await withDatabase(async () => {
        const created = await seedDemoAccounts();
        console.log(created.length === 0 ? "Demo accounts already exist." : `Created ${created.join(", ")}.`);
        printDemoAccounts();
      });
    });
}
