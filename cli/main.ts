// escriba's command line for operators: a thin shell over the same use cases the web app calls.
import { Command, CommanderError } from "commander";
import { registerBackupCommands } from "@/cli/commands/backup";
import { registerCheckCommand } from "@/cli/commands/check";
import { registerImportCommand } from "@/cli/commands/import";
import { registerItemCommands } from "@/cli/commands/item";
import { registerMigrateCommand } from "@/cli/commands/migrate";
import { registerPayCommands } from "@/cli/commands/pay";
import { registerReleaseCommands } from "@/cli/commands/release";
import { registerReportCommands } from "@/cli/commands/report";
import { registerSeedCommand } from "@/cli/commands/seed";
import { registerStartCommand } from "@/cli/commands/start";
import { registerTokenCommands } from "@/cli/commands/token";
import { registerUserCommands } from "@/cli/commands/user";
import { registerWorkerCommand } from "@/cli/commands/worker";
import { AppError } from "@/lib/errors";
import { toAppError } from "@/lib/http/error-response";

export async function main(argv: string[]): Promise<void> {
  const program = new Command("escriba")
    .description("Write, review and publish open instruction datasets in es, ca, eu and gl.")
    .showHelpAfterError()
    .exitOverride();
  registerStartCommand(program);
  registerMigrateCommand(program);
  registerSeedCommand(program);
  registerUserCommands(program);
  registerTokenCommands(program);
  registerCheckCommand(program);
  registerWorkerCommand(program);
  registerItemCommands(program);
  registerImportCommand(program);
  registerReleaseCommands(program);
  registerPayCommands(program);
  registerReportCommands(program);
  registerBackupCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode);
    const appError = toAppError(error);
    if (appError) {
      const fields = appError.fields.map((problem) => `\n  ${problem.field}: ${problem.message}`).join("");
      console.error(`escriba: ${appError.message}${fields}`);
      process.exit(appError instanceof AppError && appError.code === "not_found" ? 3 : 2);
    }
    console.error(`escriba: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
