import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/demo/seed-demo";

export function printDemoAccounts() {
  console.log(`Demo accounts (password: ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) {
    console.log(`  ${account.role.padEnd(10)} ${account.email.padEnd(26)} languages: ${account.languages.join(", ")}`);
  }
}
