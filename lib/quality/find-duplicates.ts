// The database half of the duplicate check: exact duplicates by normalised fingerprint (block) and near
// duplicates by pg_trgm similarity of instruction or response start, in the same language (warn).
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLanguage } from "@/lib/items/vocabulary";
import type { QualityProblem } from "@/lib/quality/quality-report";

/** Similarity (pg_trgm's `similarity()`) from which two texts count as near duplicates. */
export const NEAR_DUPLICATE_MIN_SIMILARITY = 0.6;
/** Responses are compared on their first characters, which the trigram index covers. */
export const RESPONSE_PREFIX_CHARS = 400;
const MAX_REPORTED = 5;

/** Statuses of items other people have seen: drafts never make someone else's text a duplicate. */
const COMPARED_STATUSES = ["submitted", "approved", "changes_requested"] as const;

export interface DuplicateCandidate {
  itemId: string;
  language: ItemLanguage;
  instruction: string;
  response: string;
  fingerprint: string;
}

export async function findDuplicateProblems(
  tx: Prisma.TransactionClient,
  candidate: DuplicateCandidate,
): Promise<QualityProblem[]> {
  const exact = await tx.item.findMany({
    where: {
      fingerprint: candidate.fingerprint,
      id: { not: candidate.itemId },
      status: { in: [...COMPARED_STATUSES] },
    },
    select: { id: true },
    take: MAX_REPORTED,
  });
  const problems: QualityProblem[] = [];
  if (exact.length > 0) {
    problems.push({
      code: "exact_duplicate",
      field: "item",
      severity: "block",
      overridable: false,
      overridden: false,
      params: { ids: exact.map((row) => row.id).join(",") },
    });
  }
  // SET LOCAL keeps the threshold to this transaction; `%` then uses the trigram indexes.
  await tx.$executeRawUnsafe(`SET LOCAL pg_trgm.similarity_threshold = ${NEAR_DUPLICATE_MIN_SIMILARITY}`);
  const responsePrefix = candidate.response.slice(0, RESPONSE_PREFIX_CHARS);
  const near = await tx.$queryRaw<{ id: string; field: "instruction" | "response"; similarity: number }[]>`
    (SELECT id::text, 'instruction' AS field, similarity(instruction, ${candidate.instruction}) AS similarity
       FROM items
      WHERE instruction % ${candidate.instruction} AND language = ${candidate.language}::"Language"
        AND id <> ${candidate.itemId}::uuid AND status::text IN ('submitted', 'approved', 'changes_requested')
      ORDER BY similarity DESC LIMIT ${MAX_REPORTED})
    UNION ALL
    (SELECT id::text, 'response' AS field, similarity(left(response, ${RESPONSE_PREFIX_CHARS}), ${responsePrefix}) AS similarity
       FROM items
      WHERE left(response, ${RESPONSE_PREFIX_CHARS}) % ${responsePrefix} AND language = ${candidate.language}::"Language"
        AND id <> ${candidate.itemId}::uuid AND status::text IN ('submitted', 'approved', 'changes_requested')
      ORDER BY similarity DESC LIMIT ${MAX_REPORTED})`;
  const exactIds = new Set(exact.map((row) => row.id));
  for (const field of ["instruction", "response"] as const) {
    const matches = near.filter((row) => row.field === field && !exactIds.has(row.id));
    if (matches.length === 0) continue;
    problems.push({
      code: "near_duplicate",
      field,
      severity: "warn",
      overridable: false,
      overridden: false,
      params: {
        ids: matches.map((row) => row.id).join(","),
        similarity: Math.round(Math.max(...matches.map((row) => Number(row.similarity))) * 100) / 100,
      },
    });
  }
  return problems;
}
