/**
 * CSV as Excel writes it (RFC 4180: quoted fields may hold commas, quotes doubled and line breaks), with
 * or without the byte-order mark our exports carry. Rows are returned in file order, so index + 1 is the
 * row number a spreadsheet shows.
 */
export function parseCsv(input: string): string[][] {
  const textIn = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < textIn.length; i += 1) {
    const char = textIn[i];
    if (quoted) {
      if (char === '"' && textIn[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && textIn[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
