// Brings items written elsewhere (a pilot in another tool, a partner's batch) into a campaign from JSONL: every line
// is checked like a submission (schema, the author's qualification, the campaign's languages and categories, every
// quality check), new items are written batch by batch (import-new-items.ts), each batch while the next is checked,
// and updates one line per transaction, so a bad line is reported with its number and field and leaves nothing behind
// while the rest continue. The external id makes a re-run import nothing twice.
import { setImmediate as nextTurn } from "node:timers/promises";
import { assertRole, isQualifiedFor } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { queryInOneRoundTrip } from "@/lib/database/one-round-trip";
import { AppError, notFound } from "@/lib/errors";
import { LineRefused, qualityRefusal, refusalOf } from "@/lib/imports/line-refused";
import {
  checkLine,
  checkNewItems,
  overridesOf,
  textOf,
  writeNewItems,
  type CheckedNewItems,
  type NewItemOutcome,
  type NewItemsContext,
  type PreparedLine,
} from "@/lib/imports/import-new-items";
import type { BatchCandidate } from "@/lib/quality/find-duplicates-in-batch";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { importLineSchema, type ImportLineInput, type ImportProblemCode, type ImportSummary } from "@/lib/imports/schemas";
import { readImportLines, type ImportLine } from "@/lib/imports/read-import-lines";
import { recordRevision } from "@/lib/items/record-revision";
import type { ItemLanguage } from "@/lib/vocabulary";
import { resolveWritingTarget } from "@/lib/items/resolve-writing-target";
import { checkItem } from "@/lib/quality/check-item";

/** Refused lines listed in the summary; the counts go on past it. */
const MAX_REPORTED_PROBLEMS = 1000;

export interface ImportOptions {
  campaign: string;
  input: AsyncIterable<Uint8Array>;
  dryRun?: boolean;
  update?: boolean;
  /** Called after every line (and once at the end) with the running summary. */
  onProgress?: (summary: ImportSummary) => void | Promise<void>;
}

type Outcome = "created" | "updated" | "skipped";

/**
 * New items checked and being written in their transaction, while the import reads and checks the lines after them.
 * Their transaction has not committed, so the segment checked next counts them as written from here.
 */
interface SegmentInWriting {
  /** Its accepted texts that later texts may duplicate. */
  duplicable: BatchCandidate[];
  /** Its accepted external ids. */
  externalIds: Set<string>;
  /** Settles once it is written: true when exactly as checked; false when it had to be written otherwise (below). */
  written: Promise<boolean>;
  /** `written` of the segment before it. */
  previousWritten: Promise<boolean>;
}

/** Thrown in a segment's transaction when the segment before it, which its check counted as written, was written otherwise. */
class CheckedAgainstOtherText extends Error {
  constructor() {
    super("the segment before was written otherwise than checked");
  }
}

/**
 * The same external id written meanwhile by another import into the campaign: P2002 from the client's own queries; from
 * the raw inserts of new items, P2010 with the driver's report of PostgreSQL's 23505 (until that was recognised, two
 * imports of one file at once failed here instead of skipping).
 */
function isUniqueViolation(error: unknown): boolean {
  const { code, meta } = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  return code === "P2002" || (code === "P2010" && meta?.driverAdapterError?.cause?.originalCode === "23505");
}

/** Thrown at the end of a dry run's transaction so everything the line did is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly outcome: Outcome) {
    super("dry run");
  }
}

/** What a schema issue means for the line: a key left out, an empty text, approval details missing, or a bad value. */
function lineIssueCode(issue: z.core.$ZodIssue, value: Record<string, unknown>): ImportProblemCode {
  if (issue.code === "custom") return "required_for_approved";
  const key = issue.path[0];
  if (typeof key === "string" && value[key] === undefined) return "missing";
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "empty";
  return "invalid";
}

function parseLine(line: ImportLine): ImportLineInput {
  if (line.kind === "too_long") throw new LineRefused("(line)", `longer than ${Math.floor(line.bytes / 1024)} KiB; skipped to its end`, "line_too_long", { kib: Math.floor(line.bytes / 1024) });
  if (line.kind === "not_utf8") throw new LineRefused("(line)", "not valid UTF-8", "not_utf8");
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    if (line.unterminated) throw new LineRefused("(line)", "cut short: the file ends in the middle of this line", "cut_short");
    throw new LineRefused("(line)", "not valid JSON", "not_json");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LineRefused("(line)", "not a JSON object", "not_object");
  const parsed = importLineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LineRefused(issue.path.join(".") || "(line)", issue.message, lineIssueCode(issue, value as Record<string, unknown>));
  }
  return parsed.data;
}

/** Accounts named in the file, looked up once each. */
function accountCache() {
  const accounts = new Map<string, Promise<User | null>>();
  return (email: string) => {
    let found = accounts.get(email);
    if (!found) accounts.set(email, (found = db().user.findUnique({ where: { email } })));
    return found;
  };
}

async function writeLine(
  tx: Prisma.TransactionClient,
  context: { actor: Viewer; campaignId: string; update: boolean; lineNumber: number },
  line: ImportLineInput,
  author: Viewer,
  reviewer: User | null,
): Promise<Outcome> {
  const text = textOf(line);
  const overrides = overridesOf(line);
  const existing = await tx.item.findUnique({ where: { campaignId_externalId: { campaignId: context.campaignId, externalId: line.externalId } } });
  if (existing && !context.update) return "skipped";
  if (existing) {
    if (existing.status !== "draft" && existing.status !== "submitted") {
      throw new LineRefused("externalId", `already imported and now ${existing.status}; only drafts and items waiting for review are updated`, "already_final", {
        status: existing.status,
      });
    }
    const revision = existing.status === "submitted" ? await recordRevision(tx, { ...existing, ...text, itemId: existing.id, language: line.language, category: line.category }, {
      kind: "submission",
      authorId: existing.authorId,
      overrides,
      refusal: "The line has problems that block submission.",
    }) : null;
    if (!revision) assertPassesChecks({ ...text, language: line.language, category: line.category }, overrides);
    await tx.item.update({
      where: { id: existing.id },
      data: {
        ...text,
        language: line.language,
        category: line.category,
        ...(revision ? { fingerprint: revision.fingerprint, similarityKeys: revision.similarityKeys } : {}),
        languageJustification: overrides.languageJustification,
        piiDeclaredFictional: overrides.piiDeclaredFictional,
        version: { increment: 1 },
      },
    });
    await recordAuditEvent(tx, {
      actorId: context.actor.id,
      action: "item.import_updated",
      subjectType: "item",
      subjectId: existing.id,
      payload: { externalId: line.externalId, line: context.lineNumber, ...(revision ? { revision: revision.number } : {}) },
    });
    return "updated";
  }

  const { guidelineId } = await resolveWritingTarget(tx, author, { campaignId: context.campaignId, language: line.language, category: line.category, variety: text.variety });
  const item = await tx.item.create({
    data: {
      campaignId: context.campaignId,
      guidelineId,
      authorId: author.id,
      language: line.language,
      category: line.category,
      ...text,
      externalId: line.externalId,
      languageJustification: overrides.languageJustification,
      piiDeclaredFictional: overrides.piiDeclaredFictional,
    },
  });
  await recordAuditEvent(tx, {
    actorId: context.actor.id,
    action: "item.imported",
    subjectType: "item",
    subjectId: item.id,
    payload: { externalId: line.externalId, line: context.lineNumber, status: line.status, authorId: author.id },
  });
  if (line.status === "draft") {
    assertPassesChecks({ ...text, language: line.language, category: line.category }, overrides);
    return "created";
  }
  const revision = await recordRevision(tx, { ...item, itemId: item.id }, {
    kind: "submission",
    authorId: author.id,
    overrides,
    refusal: "The line has problems that block submission.",
  });
  const now = currentTime();
  await tx.item.update({
    where: { id: item.id },
    data: {
      status: line.status,
      submittedAt: now,
      reviewRound: 1,
      fingerprint: revision.fingerprint,
      similarityKeys: revision.similarityKeys,
      version: { increment: 1 },
      ...(line.status === "approved" ? { approvedRevisionId: revision.id, approvedAt: now } : {}),
    },
  });
  if (line.status === "approved") {
    // Approved elsewhere: no review row (no rubric scores exist), no pay; the audit log says who vouched for it and why.
    await recordAuditEvent(tx, {
      actorId: context.actor.id,
      action: "item.import_approved",
      subjectType: "item",
      subjectId: item.id,
      payload: { reviewerId: reviewer!.id, reviewerEmail: reviewer!.email, reason: line.approvalReason ?? "", revision: revision.number },
    });
  }
  return "created";
}

/** Drafts are not submitted, so recordRevision does not check them: the checks that need no database still do. */
function assertPassesChecks(text: Parameters<typeof checkItem>[0], overrides: Parameters<typeof checkItem>[1]) {
  const refusal = qualityRefusal(checkItem(text, overrides), { firstOnly: true });
  if (refusal) throw refusal;
}

/** Lines checked and written together: large enough that a statement carries many rows, small enough to hold. */
export const IMPORT_BATCH_LINES = 500;

/** Lines checked between two turns of the event loop (a few milliseconds of work). */
export const LINES_PER_TURN = 8;

type BatchEntry = PreparedLine | { number: number; refusal: LineRefused };

/** The line's schema, its author (active, qualified) and for an approval its reviewer; a LineRefused otherwise. */
async function prepareLine(
  raw: ImportLine,
  account: ReturnType<typeof accountCache>,
  campaign: Parameters<typeof checkLine>[0],
): Promise<PreparedLine> {
  const line = parseLine(raw);
  const authorUser = await account(line.authorEmail);
  if (!authorUser || !authorUser.active) throw new LineRefused("authorEmail", "no active account has this e-mail", "author_unknown");
  const author = viewerFromUser(authorUser, { authenticatedBy: "cli" });
  if (!isQualifiedFor(author, line.language)) throw new LineRefused("authorEmail", `is not qualified for ${line.language}`, "not_qualified", { language: line.language });
  let reviewer: User | null = null;
  if (line.status === "approved") {
    reviewer = await account(line.reviewerEmail!);
    if (!reviewer || !reviewer.active || reviewer.role === "annotator") throw new LineRefused("reviewerEmail", "no active reviewer has this e-mail", "reviewer_unknown");
    if (!isQualifiedFor(reviewer, line.language)) throw new LineRefused("reviewerEmail", `is not qualified for ${line.language}`, "not_qualified", { language: line.language });
    if (reviewer.id === author.id) throw new LineRefused("reviewerEmail", "is the author: nobody approves their own work", "reviewer_is_author");
  }
  return { number: raw.number, line, author, reviewer, checks: checkLine(campaign, line) };
}

export async function importItems(actor: Viewer, options: ImportOptions): Promise<ImportSummary> {
  assertRole(actor, "maintainer");
  const campaign = await db().campaign.findUnique({ where: { slug: options.campaign }, select: { id: true, status: true, languages: true, categories: true } });
  if (!campaign) throw notFound(`Campaign ${options.campaign}`);
  // Authors write only in open campaigns; imported work follows the same rule.
  if (campaign.status !== "active") {
    throw new AppError("conflict", `Campaign ${options.campaign} is ${campaign.status}; items are imported into active campaigns only.`, {
      fields: [{ field: "campaign", message: "is not active" }],
    });
  }
  const dryRun = options.dryRun ?? false;
  const update = options.update ?? false;
  const summary: ImportSummary = { dryRun, lines: 0, created: 0, updated: 0, skipped: 0, refused: 0, problems: [] };
  const account = accountCache();
  // In a dry run nothing is written, so a repeated external id is recognised here instead.
  const seenInDryRun = new Set<string>();
  const acceptedInDryRun = new Map<string, string[]>();
  const refuse = (number: number, refusal: LineRefused) => {
    summary.refused += 1;
    // The report lists the first lines refused, in line order. New items' refusals arrive when their segment is
    // written, after lines read later were refused on reading: nearly in order, so the place is sought from the end.
    const problems = summary.problems;
    if (problems.length >= MAX_REPORTED_PROBLEMS && problems.at(-1)!.line < number) return;
    let at = problems.length;
    while (at > 0 && problems[at - 1]!.line > number) at -= 1;
    problems.splice(at, 0, { line: number, field: refusal.field, code: refusal.code, params: refusal.params, message: refusal.message });
    if (problems.length > MAX_REPORTED_PROBLEMS) problems.pop();
  };
  let inWriting: SegmentInWriting | null = null;

  /**
   * Called before anything is checked against the database: waits until every segment is written but the last, and
   * returns the last, whose texts and external ids then count as written. When the one before the last was written
   * otherwise than the last's check counted, the last will be checked again: it is waited for too, and null returned.
   */
  async function awaitAllWrittenButLast(): Promise<SegmentInWriting | null> {
    const last = inWriting;
    if (!last) return null;
    if (await last.previousWritten) return last;
    await last.written;
    return null;
  }

  async function awaitAllWritten(): Promise<void> {
    await inWriting?.written;
  }

  /** One line in a transaction of its own: an update, or a new item whose batch met a concurrent import. */
  async function importAlone(entry: PreparedLine): Promise<void> {
    try {
      const context = { actor, campaignId: campaign!.id, update, lineNumber: entry.number };
      const outcome = await db()
        .$transaction(async (tx) => {
          const result = await writeLine(tx, context, entry.line, entry.author, entry.reviewer);
          if (dryRun) throw new DryRunRollback(result);
          return result;
        })
        .catch((error: unknown) => {
          if (error instanceof DryRunRollback) return error.outcome;
          // Another import wrote the same external id meanwhile: already there, so skipped.
          if (isUniqueViolation(error)) return "skipped" as const;
          throw error;
        });
      if (dryRun) seenInDryRun.add(entry.line.externalId);
      summary[outcome] += 1;
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      refuse(entry.number, refusal);
    }
  }

  function countOutcomes(outcomes: readonly NewItemOutcome[]): void {
    for (const outcome of outcomes) {
      if (outcome.created) summary.created += 1;
      else refuse(outcome.line.number, outcome.refusal);
    }
  }

  /**
   * New items checked and written in one transaction. The write waits for `unwritten`, the segment whose texts the
   * check counted as written; should it have been written otherwise, the transaction is rolled back.
   */
  async function checkAndWrite(segment: PreparedLine[], unwritten: SegmentInWriting | null, onChecked: (checked: CheckedNewItems) => void) {
    const context: NewItemsContext = { actor, campaign: campaign!, guidelines: await latestGuidelines(campaign!.id), dryRun, acceptedInDryRun };
    return db().$transaction(
      async (tx) => {
        const checked = await checkNewItems(tx, context, segment, unwritten?.duplicable ?? []);
        onChecked(checked);
        if (unwritten && !(await unwritten.written)) throw new CheckedAgainstOtherText();
        if (!dryRun) await writeNewItems(tx, context, checked.accepted);
        return checked;
      },
      { timeout: 120_000 },
    );
  }

  /** After a segment's transaction failed: when another import wrote one of its external ids, each line alone. */
  async function importEachAlone(segment: PreparedLine[], error: unknown): Promise<void> {
    if (!isUniqueViolation(error)) throw error;
    for (const entry of segment) await importAlone(entry);
  }

  /** A segment written once everything before it is. */
  async function importSegmentNow(segment: PreparedLine[]): Promise<void> {
    try {
      countOutcomes((await checkAndWrite(segment, null, () => {})).outcomes);
    } catch (error) {
      await importEachAlone(segment, error);
    }
  }

  /**
   * New items together: checked now, written in the background after the segment before them, while the import reads
   * and checks on (the write is most of PostgreSQL's work; with the check of the next segment beside it, both sides
   * keep busy). Should another import have written one of their external ids meanwhile, each line is written alone;
   * should the segment before have been written otherwise than checked, they are checked again.
   */
  async function importSegment(segment: PreparedLine[], created: Set<string>): Promise<void> {
    if (segment.length === 0) return;
    const previous = inWriting;
    const unwritten = await awaitAllWrittenButLast();
    let onChecked!: (checked: CheckedNewItems) => void;
    const checkedNow = new Promise<CheckedNewItems>((resolve) => (onChecked = resolve));
    const transaction = checkAndWrite(segment, unwritten, onChecked);
    // On once checked, while the write goes on; a transaction failing before that fails the import here.
    const checked = await Promise.race([checkedNow, transaction]);
    const accepted = checked.outcomes.filter((outcome) => outcome.created).map((outcome) => outcome.line.line.externalId);
    for (const externalId of accepted) {
      created.add(externalId);
      if (dryRun) seenInDryRun.add(externalId);
    }
    const written = transaction.then(
      (result) => {
        countOutcomes(result.outcomes);
        return true;
      },
      async (error: unknown) => {
        if (error instanceof CheckedAgainstOtherText) await importSegmentNow(segment);
        else await importEachAlone(segment, error);
        return false;
      },
    );
    // Awaited by the segment after it or at the end; this only keeps a failure from counting as unhandled meanwhile.
    written.catch(() => {});
    inWriting = { duplicable: checked.duplicable, externalIds: new Set(accepted), written, previousWritten: previous?.written ?? Promise.resolve(true) };
  }

  async function importBatch(entries: BatchEntry[]): Promise<void> {
    const prepared = entries.filter((entry): entry is PreparedLine => "line" in entry);
    const unwritten = await awaitAllWrittenButLast();
    const existing = await importedExternalIds(campaign!.id, prepared.map((entry) => entry.line.externalId));
    const created = new Set<string>();
    let segment: PreparedLine[] = [];
    const flush = async () => {
      await importSegment(segment, created);
      segment = [];
    };
    for (const entry of entries) {
      if (!("line" in entry)) {
        refuse(entry.number, entry.refusal);
        continue;
      }
      const { externalId } = entry.line;
      // A repeated external id waits for the earlier line's outcome: skipped (or updated) only when that one was written.
      if (segment.some((pending) => pending.line.externalId === externalId)) await flush();
      const known = existing.has(externalId) || created.has(externalId) || (unwritten?.externalIds.has(externalId) ?? false);
      if ((dryRun && seenInDryRun.has(externalId)) || (known && !update)) {
        summary.skipped += 1;
      } else if (known) {
        // The update's text counts in the duplicate checks of the lines after it, and it sees everything before it.
        await flush();
        await awaitAllWritten();
        await importAlone(entry);
      } else {
        segment.push(entry);
      }
    }
    await flush();
  }

  let batch: BatchEntry[] = [];
  let writing: Promise<unknown> = Promise.resolve();
  try {
    for await (const raw of readImportLines(options.input)) {
      if (raw.kind === "text" && raw.text.trim() === "") continue;
      summary.lines += 1;
      // A turn of the event loop every few lines: the batch being written gets its answers from PostgreSQL and sends its
      // next statement while this one is checked. An input held in memory (an upload) never waits for anything, and
      // the awaits of a line alone run nothing but promise callbacks, so the write sat idle until a whole batch was
      // checked, and so did everything else the process serves.
      if (summary.lines % LINES_PER_TURN === 0) await nextTurn();
      try {
        batch.push(await prepareLine(raw, account, campaign));
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        batch.push({ number: raw.number, refusal });
      }
      if (batch.length >= IMPORT_BATCH_LINES) {
        // Three steps side by side: the next batch is read and checked here (CPU in this process) while this one is
        // checked against the database and the one before it is written (work in PostgreSQL). This one's check counts
        // the texts and external ids of the one being written (importSegment).
        await writing;
        writing = importBatch(batch).then(() => options.onProgress?.(summary));
        // Awaited before the next batch or at the end; this only keeps a failure from counting as unhandled meanwhile.
        writing.catch(() => {});
        batch = [];
      }
    }
  } catch (error) {
    // Nothing keeps writing after the import has failed.
    await writing.catch(() => {});
    await awaitAllWritten().catch(() => {});
    throw error;
  }
  await writing;
  await importBatch(batch);
  await awaitAllWritten();
  await options.onProgress?.(summary);
  return summary;
}

/**
 * The statement that finds which of a batch's external ids the campaign already has: one probe of the (campaign,
 * external id) key per id. Written as `external_id = ANY(…)` (or the client's `in` list), the planner, with no
 * statistics yet on a table an import is filling (autoanalyze lags far behind), took the list to match everything and
 * walked another index over every item of the campaign, once per batch: the cost of a batch grew with the campaign.
 */
export function importedExternalIdsSql(campaignId: string, externalIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
    SELECT x.external_id
      FROM unnest(${externalIds}::text[]) AS wanted(external_id)
      CROSS JOIN LATERAL (
        SELECT external_id FROM items WHERE campaign_id = ${campaignId}::uuid AND external_id = wanted.external_id LIMIT 1) x`;
}

/**
 * Run with the index plan made the only one, as the duplicate lookups are (find-duplicates-in-batch.ts); the setting
 * and the statement in one round trip, where a transaction of the client's took four.
 */
async function importedExternalIds(campaignId: string, externalIds: readonly string[]): Promise<Set<string>> {
  const rows = await queryInOneRoundTrip<{ external_id: string }>([Prisma.sql`SET LOCAL enable_seqscan = off`, importedExternalIdsSql(campaignId, externalIds)]);
  return new Set(rows.map((row) => row.external_id));
}

/** The latest guideline of each of the campaign's languages: what an item written now is written under. */
async function latestGuidelines(campaignId: string): Promise<Map<ItemLanguage, string>> {
  const guidelines = await db().guideline.findMany({ where: { campaignId }, orderBy: { version: "asc" }, select: { id: true, language: true } });
  return new Map(guidelines.map((guideline) => [guideline.language, guideline.id]));
}
