// Brings items written elsewhere (a pilot in another tool, a partner's batch) into a campaign from JSONL: every line
// is checked like a submission (schema, the author's qualification, the campaign's languages and categories, every
// quality check), new items are written batch by batch (import-new-items.ts) and updates one line per transaction, so
// a bad line is reported with its number and field and leaves nothing behind while the rest continue. The external
// id makes a re-run import nothing twice.
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
import { checkLine, importNewItems, overridesOf, textOf, type PreparedLine } from "@/lib/imports/import-new-items";
import { Prisma, type User } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import { importLineSchema, type ImportLineInput, type ImportProblem, type ImportProblemCode, type ImportSummary } from "@/lib/imports/schemas";
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
  // A batch's refusals are reported in line order once it is done (new items are refused when their segment is written).
  let batchProblems: ImportProblem[] = [];
  const refuse = (number: number, refusal: LineRefused) => {
    summary.refused += 1;
    batchProblems.push({ line: number, field: refusal.field, code: refusal.code, params: refusal.params, message: refusal.message });
  };

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
          // The same external id written meanwhile (a concurrent import): already there, so skipped.
          if ((error as { code?: string }).code === "P2002") return "skipped" as const;
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

  /** New items together; should another import have written one of their external ids meanwhile, each line alone. */
  async function importSegment(segment: PreparedLine[], created: Set<string>): Promise<void> {
    if (segment.length === 0) return;
    const guidelines = await latestGuidelines(campaign!.id);
    let outcomes;
    try {
      outcomes = await db().$transaction((tx) => importNewItems(tx, { actor, campaign: campaign!, guidelines, dryRun, acceptedInDryRun }, segment), { timeout: 120_000 });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
      for (const entry of segment) await importAlone(entry);
      return;
    }
    for (const outcome of outcomes) {
      if (!outcome.created) {
        refuse(outcome.line.number, outcome.refusal);
        continue;
      }
      summary.created += 1;
      created.add(outcome.line.line.externalId);
      if (dryRun) seenInDryRun.add(outcome.line.line.externalId);
    }
  }

  async function importBatch(entries: BatchEntry[]): Promise<void> {
    const prepared = entries.filter((entry): entry is PreparedLine => "line" in entry);
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
      const known = existing.has(externalId) || created.has(externalId);
      if ((dryRun && seenInDryRun.has(externalId)) || (known && !update)) {
        summary.skipped += 1;
      } else if (known) {
        // The update's text counts in the duplicate checks of the lines after it.
        await flush();
        await importAlone(entry);
      } else {
        segment.push(entry);
      }
    }
    await flush();
    batchProblems.sort((a, b) => a.line - b.line);
    summary.problems.push(...batchProblems.slice(0, Math.max(0, MAX_REPORTED_PROBLEMS - summary.problems.length)));
    batchProblems = [];
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
        // The next batch is read and checked (CPU here) while this one is looked up and written (work in PostgreSQL);
        // it is looked up only once this one is written, so it sees this one's items.
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
    throw error;
  }
  await writing;
  await importBatch(batch);
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
