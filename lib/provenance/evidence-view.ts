// How a stored evidence record is shown to its writer, reviewers and maintainers.
import type { WritingEvidence } from "@/lib/generated/prisma/client";
import { evidenceTotals } from "@/lib/provenance/check-evidence";
import { EVIDENCE_FLAGS, type EvidenceFields, type EvidenceFlag, type WritingEvidenceView } from "@/lib/provenance/schemas";

const KNOWN_FLAGS: ReadonlySet<string> = new Set(EVIDENCE_FLAGS);

export function toEvidenceView(
  row: Pick<WritingEvidence, "fields" | "implausible" | "reasons" | "flags" | "note" | "checkedAt">,
): WritingEvidenceView {
  const fields = row.fields as unknown as EvidenceFields;
  return {
    fields,
    totals: evidenceTotals(fields),
    implausible: row.implausible,
    reasons: row.reasons,
    flags: row.flags.filter((flag): flag is EvidenceFlag => KNOWN_FLAGS.has(flag)),
    note: row.note,
    recordedAt: row.checkedAt.toISOString(),
  };
}
