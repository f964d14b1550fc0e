// Validation and API shapes for authorship evidence: the writing counters a browser reports per text field, what the
// server made of them (plausibility, flags), per-campaign thresholds, and the maintainers' report.
import { z } from "zod";
import { INT32_MAX, INT32_MIN, int32Schema, textSchema } from "@/lib/input-schemas";
import { isIsoDate } from "@/lib/productivity/period";

export const EVIDENCE_FIELDS = ["instruction", "context", "response"] as const;
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

/** The counters of one text field. Every number is accepted as a number: a value no browser could send makes the
 * record implausible (see check-evidence.ts) rather than losing the save; only a non-number, or one past 32 bits, is refused. */
/** Any number an INT could hold: fractions and negatives are taken (and judged implausible); past 32 bits is no counter. */
const counter = () => z.number().min(INT32_MIN).max(INT32_MAX);
const count = counter().describe("Characters (UTF-16 code units, as the field's `value.length` counts them).");
const sizes = z.array(counter()).max(500).describe("Size of each insertion, newest last; the browser keeps the last 50.");

export const fieldCountersInputSchema = z
  .object({
    typed: count.describe("Inserted by keystrokes (one key, one character at most)."),
    pasted: count.describe("Inserted by paste."),
    dropped: count.describe("Inserted by drag and drop from outside the field."),
    other: count.describe("Inserted without keystrokes another way: autocomplete, dictation, IME commits without keys."),
    restored: count.describe("Brought back by undo/redo or moved by dragging inside the field: neither typed nor new."),
    deleted: count.describe("Removed (backspace, delete, cut, replaced selection, undo)."),
    pasteSizes: sizes,
    dropSizes: sizes,
    activeMs: counter().describe("Time spent writing in the field (gaps between inputs, each counted up to 5 s)."),
    longestBurstCpm: counter().describe("Fastest typing over any 10-second window, in characters per minute."),
    awayInsertions: counter().describe("Insertions of 80 or more characters right after 10 or more seconds away from the page."),
  })
  .strict()
  .meta({ id: "FieldCounters" });
export type FieldCountersInput = z.infer<typeof fieldCountersInputSchema>;

export const writingEvidenceInputSchema = z
  .object(Object.fromEntries(EVIDENCE_FIELDS.map((field) => [field, fieldCountersInputSchema.optional()])) as Record<
    EvidenceField,
    z.ZodOptional<typeof fieldCountersInputSchema>
  >)
  .strict()
  .describe(
    "How the text came to be, counted by the editor since the item was started (cumulative). Never the keys or the text. " +
      "Implausible counters do not fail the save: they are stored as implausible, with reasons.",
  )
  .meta({ id: "WritingEvidenceInput" });
export type WritingEvidenceInput = z.infer<typeof writingEvidenceInputSchema>;

export const evidenceNoteSchema = textSchema()
  .trim()
  .max(1000)
  .describe("The writer's own word on the evidence, e.g. \"pasted from my own notes in another editor\".");

/** One field's counters as stored: whole, non-negative, within bounds. */
export interface FieldCounters {
  typed: number;
  pasted: number;
  dropped: number;
  other: number;
  restored: number;
  deleted: number;
  pasteSizes: number[];
  dropSizes: number[];
  activeMs: number;
  longestBurstCpm: number;
  awayInsertions: number;
}
export type EvidenceFields = Record<EvidenceField, FieldCounters>;

const fieldCountersSchema = z.object({
  typed: z.number().int(),
  pasted: z.number().int(),
  dropped: z.number().int(),
  other: z.number().int(),
  restored: z.number().int(),
  deleted: z.number().int(),
  pasteSizes: z.array(z.number().int()),
  dropSizes: z.array(z.number().int()),
  activeMs: z.number().int(),
  longestBurstCpm: z.number().int(),
  awayInsertions: z.number().int(),
});

export const EVIDENCE_FLAGS = ["mostly_pasted", "inserted_without_keys", "typing_too_fast", "insertion_after_away"] as const;
export type EvidenceFlag = (typeof EVIDENCE_FLAGS)[number];
export const evidenceFlagSchema = z.enum(EVIDENCE_FLAGS).meta({ id: "EvidenceFlag" });

export const PLAUSIBILITY_PROBLEMS = [
  "not_whole_number",
  "negative",
  "too_large",
  "decreased",
  "growth_mismatch",
  "faster_than_time",
  "active_time_exceeds",
] as const;
export type PlausibilityProblem = (typeof PLAUSIBILITY_PROBLEMS)[number];

export const writingEvidenceSchema = z
  .object({
    fields: z.object({ instruction: fieldCountersSchema, context: fieldCountersSchema, response: fieldCountersSchema }),
    totals: z.object({
      typed: z.number().int(),
      pasted: z.number().int(),
      inserted: z.number().int().describe("Pasted, dropped or otherwise inserted without keystrokes."),
    }),
    implausible: z.boolean().describe("Some save carried counters no browser could have counted; they are shown, not trusted."),
    reasons: z.array(z.string()).describe("Why implausible: `<problem>:<field>.<counter>`, problem one of " + PLAUSIBILITY_PROBLEMS.join(", ") + "."),
    flags: z.array(evidenceFlagSchema).describe("Raised at submission by the campaign's thresholds; evidence for people, never a verdict."),
    note: z.string().nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: "WritingEvidence" });
export type WritingEvidenceView = z.infer<typeof writingEvidenceSchema>;

/** A campaign's thresholds for the flags: a submission at or above one is flagged (more than, for the typing rate). */
export const evidenceThresholdsSchema = z
  .object({
    pastedPercent: int32Schema().min(1).max(100).describe("Share of the text pasted."),
    insertedPercent: int32Schema().min(1).max(100).describe("Share of the text dropped or inserted another way without keystrokes."),
    charsPerMinute: int32Schema().min(60).max(100_000).describe("Typing faster than this over 10 seconds."),
    awayInsertions: int32Schema().min(1).max(1000).describe("Large insertions (80+ characters) right after 10+ seconds away."),
  })
  .strict()
  .meta({ id: "EvidenceThresholds" });
export type EvidenceThresholds = z.infer<typeof evidenceThresholdsSchema>;
export const DEFAULT_EVIDENCE_THRESHOLDS: EvidenceThresholds = { pastedPercent: 50, insertedPercent: 30, charsPerMinute: 900, awayInsertions: 1 };

// The maintainers' view: per annotator and period, and the flagged submissions themselves.
const dateSchema = textSchema().refine(isIsoDate, { message: "a date written YYYY-MM-DD" });
export const provenanceReportQuerySchema = z
  .object({
    from: dateSchema.describe("First day (UTC) of submissions counted."),
    to: dateSchema.describe("Last day (UTC), included."),
    campaignId: z.uuid().optional(),
  })
  .strict();

export const provenanceReportRowSchema = z.object({
  annotatorId: z.uuid(),
  annotatorName: z.string(),
  submissions: z.number().int().describe("Submissions with evidence in the period."),
  flagged: z.number().int(),
  flaggedShare: z.number().describe("flagged / submissions, 0–1."),
  implausible: z.number().int(),
  pastedShare: z.number().describe("Characters pasted / characters entered (typed + inserted), 0–1."),
  insertedShare: z.number().describe("Characters inserted without typing / characters entered, 0–1."),
});
export type ProvenanceReportRow = z.infer<typeof provenanceReportRowSchema>;
export const provenanceReportSchema = z
  .object({ from: z.string(), to: z.string(), rows: z.array(provenanceReportRowSchema) })
  .meta({ id: "ProvenanceReport" });
export type ProvenanceReport = z.infer<typeof provenanceReportSchema>;

export const flaggedSubmissionsQuerySchema = provenanceReportQuerySchema
  .extend({
    flag: z.union([evidenceFlagSchema, z.literal("implausible")]).optional().describe("Only submissions with this flag; default: any flag or implausible."),
  })
  .strict();

export const flaggedSubmissionSchema = z.object({
  itemId: z.uuid(),
  revisionNumber: z.number().int(),
  annotatorName: z.string(),
  language: z.string(),
  status: z.string(),
  flags: z.array(evidenceFlagSchema),
  implausible: z.boolean(),
  note: z.string().nullable(),
  submittedAt: z.iso.datetime(),
});
export const flaggedSubmissionListSchema = z
  .object({ submissions: z.array(flaggedSubmissionSchema) })
  .meta({ id: "FlaggedSubmissionList" });
export type FlaggedSubmission = z.infer<typeof flaggedSubmissionSchema>;
