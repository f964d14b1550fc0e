// The duplicate check for many new texts at once (an import's batch): the same exact and near duplicates as
// find-duplicates.ts gives one text, looked up for the whole batch in two statements, and each text also checked
// against the texts before it in the batch, which are not in the database yet but will be by the time it is.
import { Prisma } from "@/lib/generated/prisma/client";
import {
  COMPARED_STATUSES,
  MAX_CANDIDATES,
  MAX_REPORTED,
  RESPONSE_PREFIX_CHARS,
  bandKeyProbeSql,
  exactDuplicateProblems,
  nearDuplicateProblems,
  type DuplicateCandidate,
  type NearDuplicateCandidate,
} from "@/lib/quality/find-duplicates";
import type { QualityProblem } from "@/lib/quality/quality-report";
import { KEYED_FIELDS, keysOfField, type KeyedField } from "@/lib/quality/similarity-keys";

/** One text of the batch, with the id it will be written under. */
export type BatchCandidate = DuplicateCandidate;

/**
 * The duplicate problems of each candidate, in the candidates' order. `accepts(index, problems)` says whether the
 * candidate will be written (a text refused for its own problems is no duplicate for those after it).
 * `earlierByFingerprint`: texts accepted before the batch that are not in the database (a dry run's earlier batches);
 * the batch's accepted texts are added to it. `unwritten`: texts accepted before the batch whose transaction has not
 * committed yet (the batch before, still being written), which count like the batch's own earlier texts.
 */
export async function findDuplicateProblemsInBatch(
  tx: Prisma.TransactionClient,
  candidates: readonly BatchCandidate[],
  accepts: (index: number, problems: QualityProblem[]) => boolean,
  earlierByFingerprint = new Map<string, string[]>(),
  unwritten: readonly BatchCandidate[] = [],
): Promise<QualityProblem[][]> {
  if (candidates.length === 0) return [];
  const numbers = candidates.map((_, index) => index);
  // Both lookups probe an index once per text. An import into a new campaign grows the table from nothing faster than
  // its statistics follow, and the planner, believing the table tiny, then scans all of it once per text (seen: a
  // batch's lookup at 4 s with 1,000 items, growing with every batch). The plan is the index plan at any size, so it is
  // made the only one for this transaction.
  await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
  // Drafts are nobody's work yet: only text other people have seen makes a duplicate.
  const exactRows = await tx.$queryRaw<{ n: number; id: string }[]>`
    SELECT f.n, x.id::text AS id
      FROM unnest(${numbers}::int[], ${candidates.map((c) => c.fingerprint)}::text[]) AS f(n, fingerprint)
      CROSS JOIN LATERAL (
        SELECT id FROM items WHERE fingerprint = f.fingerprint AND ${COMPARED_STATUSES}
         LIMIT ${MAX_REPORTED}) x`;
  // Lateral probes of the band-key index, one per text and field (as in find-duplicates.ts, so that a shared template
  // in one field cannot crowd the other's candidates out), the keys handed over as one array literal per text and field
  // (an array of every text's keys, one element per key, cost the client and the server more than the probes
  // themselves). Keys carry their language, so no language condition is needed. An empty array finds nothing at once.
  const keyed = numbers.filter((n) => candidates[n]!.similarityKeys.length > 0);
  const keysLiteral = (n: number, field: KeyedField) => `{${keysOfField(candidates[n]!.similarityKeys, field).join(",")}}`;
  const nearRows =
    keyed.length === 0
      ? []
      : await tx.$queryRaw<(NearDuplicateCandidate & { n: number })[]>`
    SELECT w.n, x.id, x.instruction, x.response_start
      FROM unnest(${keyed}::int[], ${keyed.map((n) => keysLiteral(n, "instruction"))}::text[],
                  ${keyed.map((n) => keysLiteral(n, "response"))}::text[]) AS w(n, instruction_keys, response_keys)
      CROSS JOIN LATERAL (${bandKeyProbeSql(Prisma.sql`w.instruction_keys::bigint[]`)} UNION ${bandKeyProbeSql(Prisma.sql`w.response_keys::bigint[]`)}) x`;
  const exactOf = groupBy(exactRows, (row) => row.id);
  const nearOf = groupBy(nearRows, (row) => row);

  // Earlier texts that will be written (the unwritten ones, then the batch's accepted ones): by fingerprint, and by band
  // key (which holds the language).
  const unwrittenByFingerprint = new Map<string, string[]>();
  const earlierByBandKey = new TextsByBandKey();
  const remember = (candidate: BatchCandidate, byFingerprint: Map<string, string[]>) => {
    pushTo(byFingerprint, candidate.fingerprint, candidate.itemId);
    earlierByBandKey.add(candidate);
  };
  for (const candidate of unwritten) remember(candidate, unwrittenByFingerprint);
  const results: QualityProblem[][] = [];
  candidates.forEach((candidate, n) => {
    // A dry run's earlier batches are remembered by fingerprint and may hold the unwritten batch too: each id once.
    const exactIds = [
      ...new Set([
        ...(exactOf.get(n) ?? []),
        ...(unwrittenByFingerprint.get(candidate.fingerprint) ?? []),
        ...(earlierByFingerprint.get(candidate.fingerprint) ?? []),
      ]),
    ];
    const sharing = new Set(KEYED_FIELDS.flatMap((field) => [...earlierByBandKey.sharing(keysOfField(candidate.similarityKeys, field), MAX_CANDIDATES)]));
    const found = nearOf.get(n) ?? [];
    const near: NearDuplicateCandidate[] = [
      ...found,
      // The unwritten batch may commit while this one is looked up, and then be found in the database as well.
      ...[...sharing].filter((earlier) => !found.some((row) => row.id === earlier.itemId)).map((earlier) => ({
        id: earlier.itemId,
        instruction: earlier.instruction,
        response_start: earlier.response.slice(0, RESPONSE_PREFIX_CHARS),
      })),
    ];
    const problems = [...exactDuplicateProblems(exactIds), ...nearDuplicateProblems(candidate, near, new Set(exactIds))];
    results.push(problems);
    if (accepts(n, problems)) remember(candidate, earlierByFingerprint);
  });
  return results;
}

/**
 * Texts by band key, to find the earlier texts that share a key with a new one. A chained hash table over flat arrays:
 * the map holds each bucket's last entry and every entry links to the one before it in its bucket. A map from key to an
 * array of texts, as before, allocated an array and boxed a key for each of a text's 32 keys; rebuilt for every batch,
 * that was a tenth of an import's CPU. Buckets are the key's low 30 bits, an integer V8 hashes without allocating;
 * the whole key is compared when a bucket is walked.
 */
class TextsByBandKey {
  private readonly lastInBucket = new Map<number, number>();
  private readonly keys: number[] = [];
  private readonly texts: BatchCandidate[] = [];
  private readonly previousInBucket: number[] = [];

  add(text: BatchCandidate): void {
    for (const key of text.similarityKeys) {
      const bucket = bucketOf(key);
      this.previousInBucket.push(this.lastInBucket.get(bucket) ?? -1);
      this.lastInBucket.set(bucket, this.keys.length);
      this.keys.push(key);
      this.texts.push(text);
    }
  }

  /** Up to `limit` texts that have one of `keys`, each once, the latest first. */
  sharing(keys: readonly number[], limit: number): Set<BatchCandidate> {
    const found = new Set<BatchCandidate>();
    for (const key of keys) {
      let entry = this.lastInBucket.get(bucketOf(key)) ?? -1;
      for (; entry >= 0 && found.size < limit; entry = this.previousInBucket[entry]!) {
        if (this.keys[entry] === key) found.add(this.texts[entry]!);
      }
    }
    return found;
  }
}

/** The low 30 bits of a band key (below 2^53): a small integer, which V8 keeps unboxed. */
const bucketOf = (key: number) => (key >>> 0) & 0x3fffffff;

function pushTo<Key, Value>(groups: Map<Key, Value[]>, key: Key, value: Value): void {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
}

function groupBy<Row extends { n: number }, Value>(rows: readonly Row[], value: (row: Row) => Value): Map<number, Value[]> {
  const groups = new Map<number, Value[]>();
  for (const row of rows) pushTo(groups, row.n, value(row));
  return groups;
}
