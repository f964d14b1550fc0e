// The key behind pseudonymous annotator ids: the configured one, else one generated on first use and kept in the
// database, so every worker process and every later release derives the same pseudonym for the same person.
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

const SECRET_NAME = "annotator-pseudonym-key";

export async function pseudonymKey(): Promise<string> {
  const configured = env().ESCRIBA_PSEUDONYM_SECRET;
  if (configured) return configured;
  // Two first builds at once: one insert wins, both read the winner.
  await db().instanceSecret.createMany({
    data: [{ name: SECRET_NAME, value: randomBytes(32).toString("base64url") }],
    skipDuplicates: true,
  });
  const stored = await db().instanceSecret.findUniqueOrThrow({ where: { name: SECRET_NAME } });
  return stored.value;
}
