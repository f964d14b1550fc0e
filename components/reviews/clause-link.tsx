// A cited guideline clause as a link to its text in the guideline shown on the same page (see clause-anchors.ts).
import { clauseAnchorId } from "@/components/markdown/clause-anchors";

export function ClauseLink({ clause }: { clause: string }) {
  return (
    <a href={`#${clauseAnchorId(clause)}`} className="tag">
      {clause}
    </a>
  );
}
