// The download cell of a statement row, on a person's own statements and on a period's page: the CSV link, named for
// the row, and the checksum a payroll office can check the file against.
import { useTranslations } from "next-intl";

/** `label`: the link's accessible name, which says whose or which period's statement it is. */
export function StatementDownloadCell({ statementId, csvSha256, label }: { statementId: string; csvSha256: string; label: string }) {
  const t = useTranslations("pay");
  return (
    <td>
      <a href={`/api/v1/statements/${statementId}/csv`} download aria-label={label}>
        {t("download")}
      </a>
      <div className="pay-checksum muted">
        {t("sha256")} <code>{csvSha256}</code>
      </div>
    </td>
  );
}
