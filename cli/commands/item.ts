import type { Command } from "commander";
import { z } from "zod";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer } from "@/lib/auth/operator-viewer";
import { retractItem } from "@/lib/items/retract-item";

export function registerItemCommands(program: Command) {
  const item = program.command("item").description("Act on single items.");

  item
    .command("retract <itemId>")
    .description("Retract an approved item: it leaves every release built from now on (published ones keep it).")
    .requiredOption("--email <email>", "the maintainer account acting")
    .requiredOption("--reason <text>", "why (kept in the audit log and shown on the item's page)")
    .action(async (itemId: string, options: { email: string; reason: string }) => {
      const { itemId: id } = z.object({ itemId: z.uuid() }).parse({ itemId });
      await withDatabase(async () => {
        const retracted = await retractItem(await operatorViewer(options.email), id, { reason: options.reason });
        console.log(`Retracted ${retracted.id}; the next release leaves it out and lists it in its changelog.`);
      });
    });
}
