/**
 * A small RFC 4180 CSV reader: quoted fields with embedded commas, doubled quotes and line
 * breaks; CRLF, LF or CR line endings; a leading byte-order mark. Spreadsheets saved with a
 * European locale use `;` and some exports use tabs: the delimiter is detected from the
 * header row.
 */

export interface CsvRecord {
  /** Line of the file where the record starts (1-based). */
  line: number;
  fields: string[];
}

export type CsvResult =
  { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** Parse CSV text into records; blank lines are skipped. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): CsvResult {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < text.length) {
    const char = text[i]!;
    if (char === '"' && field === '') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= text.length)
          return {
            ok: false,
            line: openedOn,
            message: `a quoted field opened on line ${openedOn} is never closed`,
          };
        const c = text[i]!;
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          break;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
      }
      while (text[i] === ' ' || text[i] === '\t') i++;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
        return {
          ok: false,
          line,
          message: `unexpected text after a closing quote on line ${line}: put the whole field in quotes`,
        };
      }
      continue;
    }
    if (char === delimiter) {
      endField();
      i++;
    } else if (char === '\n' || char === '\r') {
      endRecord();
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** `,`, `;` or tab: whichever occurs most in the first line outside quotes. */
export function detectDelimiter(text: string): string {
  const firstLine = /^[^\r\n]*/.exec(text.replace(/"[^"]*"/g, ''))?.[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}
