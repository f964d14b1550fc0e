import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { withDatabase } from "@/cli/with-database";
import { createUser } from "@/lib/users/create-user";

export function registerUserCommands(program: Command) {
  const user = program.command("user").description("Manage accounts.");
  user
    .command("create")
    .description("Create an account. Prints a generated password when --password is not given.")
    .requiredOption("--email <email>", "e-mail address, used to sign in")
    .requiredOption("--role <role>", "annotator | reviewer | maintainer")
    .option("--languages <list>", "comma-separated languages they may work in (es,ca,eu,gl)", "")
    .option("--name <name>", "display name (defaults to the e-mail's local part)")
    .option("--password <password>", "initial password (at least 10 characters and not easy to guess)")
    .action(async (options: { email: string; role: string; languages: string; name?: string; password?: string }) => {
      const password = options.password ?? randomBytes(12).toString("base64url");
      await withDatabase(async () => {
        const created = await createUser(null, {
          email: options.email,
          name: options.name ?? options.email.split("@")[0] ?? options.email,
          role: options.role as never,
          languages: options.languages.split(",").map((entry) => entry.trim()).filter(Boolean) as never,
          password,
        });
        console.log(`Created ${created.role} ${created.email} (${created.id}), languages: ${created.languages.join(", ") || "none"}.`);
        if (!options.password) console.log(`Password: ${password}`);
      });
    });
}
