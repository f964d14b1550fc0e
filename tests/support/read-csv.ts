// Reads CSV text back into rows (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes), so tests check
// what a spreadsheet would see without a second CSV library in the project.
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (quoted) {
      if (char === '"' && body[index + 1] === '"') (cell += '"'), index++;
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") row.push(cell), (cell = "");
    else if (char === "\r" && body[index + 1] === "\n") {
      row.push(cell), rows.push(row), (row = []), (cell = ""), index++;
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) row.push(cell), rows.push(row);
  return rows;
}
