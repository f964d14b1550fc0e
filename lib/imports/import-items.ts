// Brings items written elsewhere (a pilot in another tool, a partner's batch) into a campaign from JSONL: every line
// is checked like a submission (schema, the author's qualification, the campaign's languages and categories, every
// quality check) and written in a transaction of its own, so a bad line is reported with its number and field and
// leaves nothing behind while the rest continue. The external id makes a re-run import nothing twice.
import { assertRole, isQualifiedFor } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { viewerFromUser } from "@/lib/auth/viewer-from-user";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { currentTime } from "@/lib/clock";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma, User } from "@/lib/generated/prisma/client";
import { importLineSchema, type ImportLineInput, type ImportProblem, type ImportSummary } from "@/lib/imports/schemas";
import { readImportLines, type ImportLine } from "@/lib/imports/read-import-lines";
import { recordRevision } from "@/lib/items/record-revision";
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

class LineRefused extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

/** Thrown at the end of a dry run's transaction so everything the line did is rolled back. */
class DryRunRollback extends Error {
  constructor(readonly outcome: Outcome) {
    super("dry run");
  }
}

function refusalOf(error: unknown): LineRefused | null {
  if (error instanceof LineRefused) return error;
  if (error instanceof AppError && (error.code === "validation_failed" || error.code === "forbidden" || error.code === "not_found")) {
    const first = error.fields[0];
    // The first field names the problem; any others follow with their own names.
    const detail = error.fields.map((problem, index) => (index === 0 ? problem.message : `${problem.field}: ${problem.message}`)).join("; ");
    return new LineRefused(first?.field ?? "(line)", detail || error.message);
  }
  return null;
}

function parseLine(line: ImportLine): ImportLineInput {
  if (line.kind === "too_long") throw new LineRefused("(line)", `longer than ${Math.floor(line.bytes / 1024)} KiB; skipped to its end`);
  if (line.kind === "not_utf8") throw new LineRefused("(line)", "not valid UTF-8");
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    throw new LineRefused("(line)", line.unterminated ? "cut short: the file ends in the middle of this line" : "not valid JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new LineRefused("(line)", "not a JSON object");
  const parsed = importLineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new LineRefused(issue.path.join(".") || "(line)", issue.message);
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
  const text = {
    variety: line.variety ?? null,
    instruction: line.instruction,
    context: line.context ?? null,
    response: line.response,
    sourceUrl: line.sourceUrl || null,
    sourceLicense: line.sourceLicense || null,
  };
  const overrides = { languageJustification: line.languageJustification ?? null, piiDeclaredFictional: line.piiDeclaredFictional ?? false };
  const existing = await tx.item.findUnique({ where: { campaignId_externalId: { campaignId: context.campaignId, externalId: line.externalId } } });
  if (existing && !context.update) return "skipped";
  if (existing) {
    if (existing.status !== "draft" && existing.status !== "submitted") {
      throw new LineRefused("externalId", `already imported and now ${existing.status}; only drafts and items waiting for review are updated`);
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
  const report = checkItem(text, overrides);
  const blocking = report.problems.find((problem) => problem.severity === "block" && !problem.overridden);
  if (blocking) throw new LineRefused(blocking.field, blocking.code);
}

export async function importItems(actor: Viewer, options: ImportOptions): Promise<ImportSummary> {
  assertRole(actor, "maintainer");
  const campaign = await db().campaign.findUnique({ where: { slug: options.campaign }, select: { id: true, status: true } });
  if (!campaign) throw notFound(`Campaign ${options.campaign}`);
  // Authors write only in open campaigns; imported work follows the same rule.
  if (campaign.status !== "active") {
    throw new AppError("conflict", `Campaign ${options.campaign} is ${campaign.status}; items are imported into active campaigns only.`, {
      fields: [{ field: "campaign", message: "is not active" }],
    });
  }
  const dryRun = options.dryRun ?? false;
  const summary: ImportSummary = { dryRun, lines: 0, created: 0, updated: 0, skipped: 0, refused: 0, problems: [] };
  const account = accountCache();
  // In a dry run nothing is written, so a repeated external id is recognised here instead.
  const seenInDryRun = new Set<string>();
  const refuse = (problem: ImportProblem) => {
    summary.refused += 1;
    if (summary.problems.length < MAX_REPORTED_PROBLEMS) summary.problems.push(problem);
  };

  for await (const raw of readImportLines(options.input)) {
    if (raw.kind === "text" && raw.text.trim() === "") continue;
    summary.lines += 1;
    try {
      const line = parseLine(raw);
      const authorUser = await account(line.authorEmail);
      if (!authorUser || !authorUser.active) throw new LineRefused("authorEmail", "no active account has this e-mail");
      const author = viewerFromUser(authorUser, { authenticatedBy: "cli" });
      if (!isQualifiedFor(author, line.language)) throw new LineRefused("authorEmail", `is not qualified for ${line.language}`);
      let reviewer: User | null = null;
      if (line.status === "approved") {
        reviewer = await account(line.reviewerEmail!);
        if (!reviewer || !reviewer.active || reviewer.role === "annotator") throw new LineRefused("reviewerEmail", "no active reviewer has this e-mail");
        if (!isQualifiedFor(reviewer, line.language)) throw new LineRefused("reviewerEmail", `is not qualified for ${line.language}`);
        if (reviewer.id === author.id) throw new LineRefused("reviewerEmail", "is the author: nobody approves their own work");
      }
      if (dryRun && seenInDryRun.has(line.externalId)) {
        summary.skipped += 1;
      } else {
        const context = { actor, campaignId: campaign.id, update: options.update ?? false, lineNumber: raw.number };
        const outcome = await db()
          .$transaction(async (tx) => {
            const result = await writeLine(tx, context, line, author, reviewer);
            if (dryRun) throw new DryRunRollback(result);
            return result;
          })
          .catch((error: unknown) => {
            if (error instanceof DryRunRollback) return error.outcome;
            // The same external id written meanwhile (a concurrent import): already there, so skipped.
            if ((error as { code?: string }).code === "P2002") return "skipped" as const;
            throw error;
          });
        if (dryRun) seenInDryRun.add(line.externalId);
        summary[outcome] += 1;
      }
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      refuse({ line: raw.number, field: refusal.field, message: refusal.message });
    }
    await options.onProgress?.(summary);
  }
  await options.onProgress?.(summary);
  return summary;
}
