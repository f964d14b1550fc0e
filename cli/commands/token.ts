import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { createApiToken } from "@/lib/auth/api-tokens";
import { findUserIdByEmail } from "@/lib/users/find-user-id-by-email";

export function registerTokenCommands(program: Command) {
  const token = program.command("token").description("Manage personal API tokens.");
  token
    .command("create")
    .description("Create an API token for an account and print it (it is shown only once).")
    .requiredOption("--email <email>", "the account the token acts as")
    .option("--name <name>", "a label to recognise the token", "cli")
    .option("--expires-in-days <days>", "expire after this many days", (value) => Number.parseInt(value, 10))
    .action(async (options: { email: string; name: string; expiresInDays?: number }) => {
      await withDatabase(async () => {
        const ownerId = await findUserIdByEmail(options.email);
        const created = await createApiToken(null, ownerId, { name: options.name, expiresInDays: options.expiresInDays });
        console.log(created.token);
      });
    });
}
