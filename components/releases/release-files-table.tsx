// The files of a release: human-readable size, SHA-256 and a download link each, and how to check a download.
import { useFormatter, useTranslations } from "next-intl";
import { formatFileSize } from "@/components/releases/format-file-size";
import type { ReleaseFileView } from "@/lib/releases/schemas";
import { TableRegion } from "@/components/layout/table-region";

export const releaseFileUrl = (version: string, filePath: string) =>
  `/api/v1/releases/${encodeURIComponent(version)}/files/${filePath.split("/").map(encodeURIComponent).join("/")}`;

export function ReleaseFilesTable({ version, files }: { version: string; files: ReleaseFileView[] }) {
  const t = useTranslations("releases");
  const format = useFormatter();
  return (
    <div className="stack">
      <TableRegion label={t("files")} className="table-scroll">
        <table className="release-files">
          <thead>
            <tr>
              <th scope="col">{t("file")}</th>
              <th scope="col" className="number">
                {t("size")}
              </th>
              <th scope="col">{t("sha256")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("download")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path} data-testid={`file-${file.path}`}>
                <th scope="row">
                  <code>{file.path}</code>
                </th>
                <td className="number" title={t("bytes", { count: file.sizeBytes })}>
                  {formatFileSize(format, file.sizeBytes)}
                </td>
                <td>
                  <code className="checksum" data-testid="file-sha256">
                    {file.sha256}
                  </code>
                </td>
                <td>
                  <a href={releaseFileUrl(version, file.path)} download aria-label={t("downloadFile", { path: file.path })}>
                    {t("download")}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <div className="card stack release-verify">
        <h3>{t("verifyTitle")}</h3>
        <p>{t("verifyBody")}</p>
        <pre>
          <code>{`sha256sum -c SHA256SUMS\nnpx escriba release verify <${t("folderPlaceholder")}>`}</code>
        </pre>
      </div>
    </div>
  );
}
