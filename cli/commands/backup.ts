import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { createBackup } from "@/lib/backup/create-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";

export function registerBackupCommands(program: Command) {
  program
    .command("backup")
    .argument("<file>", "the archive to write (.tar.gz)")
    .description("Back up the database and every release file (disk or S3) into one archive.")
    .action(async (file: string) => {
      const summary = await withDatabase((url) => createBackup(url, file, (line) => console.log(line)), { migrate: false });
      console.log(`Backup written to ${summary.file}: ${summary.tables} tables, ${summary.rows} rows, ${summary.releaseFiles} release files.`);
    });
  program
    .command("restore")
    .argument("<file>", "an archive written by `escriba backup`")
    .description("Restore a backup into an empty database (a new ESCRIBA_DATA_DIR, or an empty DATABASE_URL) and storage.")
    .action(async (file: string) => {
      const summary = await withDatabase((url) => restoreBackup(url, file, (line) => console.log(line)), { migrate: false });
      console.log(`Restored ${summary.tables} tables and ${summary.releaseFiles} release files.`);
    });
}
