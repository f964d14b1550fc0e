// The explorer's keyset cursor: the sort value and id of a page's last row, opaque to clients (base64url).
export interface ExplorerCursor {
  at: string;
  id: string;
}

export function encodeExplorerCursor(cursor: ExplorerCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`, "utf8").toString("base64url");
}

/** The cursor's parts, or null when the text is not a cursor a search gave. */
export function decodeExplorerCursor(text: string): ExplorerCursor | null {
  const [at, id, ...rest] = Buffer.from(text, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}
