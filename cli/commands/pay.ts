import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { operatorViewer, shellOperatorViewer } from "@/lib/auth/operator-viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { calendarMonthDays, isMonthLabel } from "@/lib/pay/calendar-month";
import { closePayPeriod } from "@/lib/pay/close-pay-period";
import { createPayPeriod } from "@/lib/pay/create-pay-period";
import { findPayPeriodIdByLabel } from "@/lib/pay/list-pay-periods";
import { listStatements, periodCsvFile, statementCsvFile, type CsvFile } from "@/lib/pay/read-statements";
import { findUserIdByEmail } from "@/lib/users/find-user-id-by-email";

async function periodIdOf(label: string): Promise<string> {
  const id = await findPayPeriodIdByLabel(label);
  if (!id) throw new AppError("not_found", `Pay period ${label} not found.`);
  return id;
}

export function registerPayCommands(program: Command) {
  const period = program.command("period").description("Pay periods.");

  period
    .command("close <label>")
    .description("Close a pay period (a label such as 2026-11 creates that calendar month's period first when it does not exist).")
    .requiredOption("--email <email>", "the maintainer account closing it")
    .option("--now", "close a period that has not ended yet: it ends now, and later earnings fall to the next period")
    .action(async (label: string, options: { email: string; now?: boolean }) => {
      await withDatabase(async () => {
        const viewer = await operatorViewer(options.email);
        let id = await findPayPeriodIdByLabel(label);
        if (!id) {
          if (!isMonthLabel(label)) throw new AppError("not_found", `Pay period ${label} not found (only a month such as 2026-11 is created on the fly).`);
          const days = calendarMonthDays(label);
          const today = new Intl.DateTimeFormat("en-CA", { timeZone: env().ESCRIBA_PROGRAMME_TIME_ZONE }).format(new Date());
          // Refused before anything is written: a month still running is closed only on purpose.
          if (days.endsOn >= today && !options.now) {
            throw new AppError("conflict", `${label} has not ended yet; add --now to close it at this instant.`);
          }
          id = (await createPayPeriod(viewer, { label, ...days })).id;
          console.log(`Created pay period ${label}.`);
        }
        const closed = await closePayPeriod(viewer, id, { closeNow: options.now ?? false });
        const totals = closed.totals.map((total) => `${total.amount} ${total.currency}`).join(", ") || "nothing to pay";
        console.log(`Closed pay period ${closed.label} (${closed.startsOn} to ${closed.endsOn}, ${closed.timeZone}): ${closed.statements} statement(s), ${totals}.`);
      });
    });

  program
    .command("statement")
    .description("Frozen statements of closed pay periods.")
    .command("export <label>")
    .description("Write a period's statements as CSV files (one per person and everyone's, or one person's) and print their SHA-256.")
    .requiredOption("--out <dir>", "folder to write the files into")
    .option("--user <email>", "only this person's statement")
    .action(async (label: string, options: { out: string; user?: string }) => {
      await withDatabase(async () => {
        const viewer = shellOperatorViewer();
        const periodId = await periodIdOf(label);
        const userId = options.user ? await findUserIdByEmail(options.user) : undefined;
        const statements = await listStatements(viewer, { periodId, userId });
        if (options.user && statements.length === 0) throw new AppError("not_found", `${options.user} has no statement in pay period ${label}.`);
        const files: CsvFile[] = [];
        for (const statement of statements) files.push(await statementCsvFile(viewer, statement.id));
        if (!options.user) files.push(await periodCsvFile(viewer, periodId));
        await mkdir(options.out, { recursive: true });
        // Printed as sha256sum prints, so `sha256sum -c` in the folder checks the files.
        for (const file of files) {
          await writeFile(path.join(options.out, file.fileName), file.text, "utf8");
          console.log(`${file.sha256}  ${file.fileName}`);
        }
      });
    });
}
