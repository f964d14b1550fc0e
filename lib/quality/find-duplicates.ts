// The database half of the duplicate check: exact duplicates by normalised fingerprint (block) and near
// duplicates in the same language (warn). Near-duplicate candidates come from MinHash band keys
// (similarity-keys.ts) through one GIN index; each candidate is then scored exactly with pg_trgm's definition
// of similarity, so what is reported means the same as `similarity()` in PostgreSQL.
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLanguage } from "@/lib/vocabulary";
import { trigramSimilarity, trigramsOf } from "@/lib/quality/duplicate-fingerprint";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { KEYED_FIELDS, keysOfField } from "@/lib/quality/similarity-keys";

/** Similarity (pg_trgm's `similarity()`) from which two texts count as near duplicates. */
export const NEAR_DUPLICATE_MIN_SIMILARITY = 0.6;
/** Responses are compared on their first characters: long answers that open the same way are the copies. */
export const RESPONSE_PREFIX_CHARS = 400;
export const MAX_REPORTED = 5;
/** Band keys are near-unique, so more candidates than this only come from texts repeated many times over. */
export const MAX_CANDIDATES = 200;

export interface DuplicateCandidate {
  itemId: string;
  language: ItemLanguage;
  instruction: string;
  response: string;
  fingerprint: string;
  similarityKeys: number[];
}

/**
 * The near-duplicate candidates of one text: stored items sharing a band key with it, up to MAX_CANDIDATES per field.
 * Each field is probed on its own, so that a templated instruction shared by thousands of items cannot crowd out of
 * the list the one item whose response this one copies (with one list, the first 200 rows the heap gave back were all
 * the template's). Keys carry the language of the text they were made from (similarity-keys.ts), so sharing one means
 * the same language, and the statement needs no condition on the language column: an item keeps the keys of the text
 * others saw until it is submitted again, in whatever language it was then.
 * The keys reach the planner only as the result of an InitPlan (`(SELECT $1::bigint[])`), so the statement is planned
 * as a generic plan would be: with the keys visible, the planner estimated `&&` from the column's most common elements,
 * which texts repeated many times over inflate, guessed that 15 % of a million rows match and chose a sequential scan
 * whose cost came within 2.5 % of the index plan. Hidden, `&&` gets the operator's fixed default selectivity, which
 * keeps the GIN index plan far cheaper at every table size; band keys are near-unique, so the few rows it finds are
 * the real answer. Exported so that bench/ and a test can EXPLAIN it.
 */
export function nearDuplicateCandidatesSql(candidate: Pick<DuplicateCandidate, "itemId" | "similarityKeys">): Prisma.Sql {
  const probes = KEYED_FIELDS.map((field) => keysOfField(candidate.similarityKeys, field))
    .filter((keys) => keys.length > 0)
    .map((keys) => bandKeyProbeSql(Prisma.sql`(SELECT ${`{${keys.join(",")}}`}::bigint[])`, candidate.itemId));
  if (probes.length === 0) return Prisma.sql`SELECT NULL::text AS id, NULL::text AS instruction, NULL::text AS response_start WHERE false`;
  // UNION: an item that shares keys in both fields is one candidate.
  return Prisma.join(probes, " UNION ");
}

/** Only text other people have seen makes a duplicate: drafts are nobody's work yet. */
export const COMPARED_STATUSES = Prisma.sql`status::text IN ('submitted', 'approved', 'changes_requested')`;

/**
 * One probe of the band-key index, parenthesised: up to MAX_CANDIDATES compared items holding one of `keys` (a bigint[]
 * expression), `exceptItemId` left out, as NearDuplicateCandidate rows. The lookup of one text and an import batch's
 * lookup are made of these.
 */
export function bandKeyProbeSql(keys: Prisma.Sql, exceptItemId?: string): Prisma.Sql {
  const except = exceptItemId === undefined ? Prisma.empty : Prisma.sql`AND id <> ${exceptItemId}::uuid`;
  return Prisma.sql`(
    SELECT id::text AS id, instruction, left(response, ${RESPONSE_PREFIX_CHARS}) AS response_start FROM items
     WHERE similarity_keys && ${keys} ${except} AND ${COMPARED_STATUSES}
     LIMIT ${MAX_CANDIDATES})`;
}

/** The index every near-duplicate lookup must go through (bench/near-duplicate-check.ts fails without it). */
export const NEAR_DUPLICATE_INDEX = "items_similarity_keys_idx";

/** An item that shares a band key with the text checked: its instruction and the start of its response. */
export interface NearDuplicateCandidate {
  id: string;
  instruction: string;
  response_start: string;
}

/** A row of duplicateLookupSql: an exact duplicate (id only), or a near-duplicate candidate to score. */
export interface DuplicateLookupRow extends NearDuplicateCandidate {
  exact: boolean;
}

/**
 * Both duplicate lookups of one text as one statement (one round trip): the exact duplicates by fingerprint, then the
 * near-duplicate candidates (nearDuplicateCandidatesSql, planned as it is on its own). Drafts are nobody's work yet:
 * only text other people have seen makes a duplicate.
 */
export function duplicateLookupSql(candidate: DuplicateCandidate): Prisma.Sql {
  const exact = Prisma.sql`
    SELECT true AS exact, id::text, NULL::text AS instruction, NULL::text AS response_start FROM items
     WHERE fingerprint = ${candidate.fingerprint} AND id <> ${candidate.itemId}::uuid AND ${COMPARED_STATUSES}
     LIMIT ${MAX_REPORTED}`;
  if (candidate.similarityKeys.length === 0) return exact;
  return Prisma.sql`(${exact}) UNION ALL (SELECT false AS exact, near.* FROM (${nearDuplicateCandidatesSql(candidate)}) near)`;
}

/** The problems the rows of duplicateLookupSql make. */
export function duplicateProblemsOf(candidate: Pick<DuplicateCandidate, "instruction" | "response">, rows: readonly DuplicateLookupRow[]): QualityProblem[] {
  const exactIds = rows.filter((row) => row.exact).map((row) => row.id);
  const near = rows.filter((row) => !row.exact);
  return [...exactDuplicateProblems(exactIds), ...nearDuplicateProblems(candidate, near, new Set(exactIds))];
}

export async function findDuplicateProblems(tx: Prisma.TransactionClient, candidate: DuplicateCandidate): Promise<QualityProblem[]> {
  return duplicateProblemsOf(candidate, await tx.$queryRaw<DuplicateLookupRow[]>(duplicateLookupSql(candidate)));
}

/** The blocking problem of text already submitted elsewhere, when there is any. */
export function exactDuplicateProblems(ids: readonly string[]): QualityProblem[] {
  if (ids.length === 0) return [];
  return [
    {
      code: "exact_duplicate",
      field: "item",
      severity: "block",
      overridable: false,
      overridden: false,
      params: { ids: ids.slice(0, MAX_REPORTED).join(",") },
    },
  ];
}

/** Scores the candidates that share a band key with the text and reports, per field, those similar enough. */
export function nearDuplicateProblems(
  candidate: Pick<DuplicateCandidate, "instruction" | "response">,
  near: readonly NearDuplicateCandidate[],
  exactIds: ReadonlySet<string>,
): QualityProblem[] {
  const scorable = near.filter((row) => !exactIds.has(row.id));
  // Most texts share no band key with anything: their trigrams were a fifth of everything an import allocated.
  if (scorable.length === 0) return [];
  // The text's own trigrams once, not once per candidate (a lookup may return up to MAX_CANDIDATES).
  const instructionTrigrams = trigramsOf(candidate.instruction);
  const responseTrigrams = trigramsOf(candidate.response.slice(0, RESPONSE_PREFIX_CHARS));
  const scored = scorable.map((row) => ({
    id: row.id,
    instruction: trigramSimilarity(instructionTrigrams, trigramsOf(row.instruction)),
    response: trigramSimilarity(responseTrigrams, trigramsOf(row.response_start)),
  }));
  const problems: QualityProblem[] = [];
  for (const field of ["instruction", "response"] as const) {
    const matches = scored
      .filter((row) => row[field] >= NEAR_DUPLICATE_MIN_SIMILARITY)
      .sort((a, b) => b[field] - a[field])
      .slice(0, MAX_REPORTED);
    if (matches.length === 0) continue;
    problems.push({
      code: "near_duplicate",
      field,
      severity: "warn",
      overridable: false,
      overridden: false,
      params: {
        ids: matches.map((row) => row.id).join(","),
        similarity: Math.round(matches[0]![field] * 100) / 100,
      },
    });
  }
  return problems;
}
