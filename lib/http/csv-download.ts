// The HTTP answer for a CSV file the domain produced (statements): its bytes as they are, the SHA-256 alongside so a
// client can check it, never cached (pay is private).
export function csvResponse(file: { fileName: string; text: string; sha256: string }): Response {
  return new Response(file.text, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "x-checksum-sha256": file.sha256,
      etag: `"${file.sha256}"`,
      "cache-control": "private, no-store",
    },
  });
}
