/** GFM tables: each row becomes one paragraph with its cells joined by " | ". */

const DELIMITER_CELL = /^:?-+:?$/;

/** True for a table's delimiter row, `| --- | :---: |`. */
export function isDelimiterRow(line: string): boolean {
  const cells = splitRow(line.trim());
  return line.includes('-') && cells.length > 0 && cells.every((cell) => DELIMITER_CELL.test(cell));
}

/** The cells of one row, outer pipes dropped, `\|` kept as a literal pipe. */
export function splitRow(row: string): string[] {
  let inner = row.trim();
  if (inner.startsWith('|')) inner = inner.slice(1);
  if (inner.endsWith('|') && !inner.endsWith('\\|')) inner = inner.slice(0, -1);
  return inner.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** The text of a row: non-empty cells, inline markup stripped, joined by " | ". */
export function tableRowText(row: string, strip: (cell: string) => string): string {
  return splitRow(row).map(strip).filter(Boolean).join(' | ');
}
