/**
 * Macros (canned replies) from a CSV export to canned responses. Columns are matched by
 * header name, case- and punctuation-insensitively: a title (`title`, `name`), a text
 * (`text`, `body`, `comment`, ...), and optionally `id`, `tags`/`labels`, `intents`.
 * Zendesk's requester and agent placeholders become the pack's `{{customer_name}}` and
 * `{{agent_name}}`. Pure: merging and writing are elsewhere.
 */
import {
  ResponseSchema,
  type CannedResponse,
  type PackProblem,
} from '../../../../shared/packs/pack-schemas';
import { describeIssues, PACK_KEYS } from '../../../../shared/zod-issues';
import { parseCsv } from './csv';
import type { SkippedItem } from './import-summary';

export interface MacroRow {
  /** CSV line the row starts on. */
  line: number;
  /** The id from the file, or undefined when it must be made from the title. */
  id?: string;
  response: Omit<CannedResponse, 'id'>;
}

const columns = {
  title: ['title', 'name', 'macro', 'macroname', 'macrotitle', 'subject'],
  text: ['text', 'body', 'comment', 'commentvalue', 'content', 'message', 'reply', 'response'],
  id: ['id', 'macroid', 'key'],
  tags: ['tags', 'labels', 'label', 'tag'],
  intents: ['intents', 'intent'],
} as const;

const placeholderAliases: Record<string, string> = {
  'ticket.requester.name': 'customer_name',
  'ticket.requester.first_name': 'customer_name',
  'current_user.name': 'agent_name',
  'current_user.first_name': 'agent_name',
  'ticket.id': 'ticket_id',
};

/** Read macro rows from CSV text; `file` names the CSV in problems. */
export function macrosFromCsv(
  csvText: string,
  file = 'macros.csv',
): { rows: MacroRow[]; skipped: SkippedItem[]; problems: PackProblem[] } {
  const parsed = parseCsv(csvText);
  if (!parsed.ok)
    return {
      rows: [],
      skipped: [],
      problems: [{ file, line: parsed.line, message: parsed.message }],
    };
  const [header, ...records] = parsed.records;
  if (!header)
    return {
      rows: [],
      skipped: [],
      problems: [
        { file, message: 'the file is empty: expected a header row with title and text columns' },
      ],
    };
  const names = header.fields.map((h) => h.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const col = (key: keyof typeof columns) =>
    names.findIndex((n) => (columns[key] as readonly string[]).includes(n));
  const at = {
    title: col('title'),
    text: col('text'),
    id: col('id'),
    tags: col('tags'),
    intents: col('intents'),
  };
  if (at.title < 0 || at.text < 0) {
    const missing = [at.title < 0 ? 'title' : '', at.text < 0 ? 'text (or body, comment)' : '']
      .filter(Boolean)
      .join(' and ');
    return {
      rows: [],
      skipped: [],
      problems: [
        {
          file,
          line: header.line,
          message: `the header row has no ${missing} column (found: ${header.fields.join(', ')})`,
        },
      ],
    };
  }

  const rows: MacroRow[] = [];
  const skipped: SkippedItem[] = [];
  const problems: PackProblem[] = [];
  for (const record of records) {
    const cell = (index: number) => (index >= 0 ? (record.fields[index] ?? '').trim() : '');
    const title = cell(at.title);
    const item = `row on line ${record.line}${title ? ` "${title}"` : ''}`;
    const text = withPackPlaceholders(cell(at.text).replace(/\r\n?/g, '\n'));
    if (!text) {
      skipped.push({ item, reason: 'empty: no text' });
      continue;
    }
    const response = {
      title,
      text,
      intents: splitList(cell(at.intents)),
      tags: splitList(cell(at.tags)),
    };
    const check = ResponseSchema.safeParse({ id: 'x', ...response });
    if (!check.success) {
      for (const s of describeIssues(check.error.issues, { id: 'x', ...response }, PACK_KEYS))
        problems.push({ file, line: record.line, message: `${item}: ${s.message}` });
      continue;
    }
    const id = cell(at.id);
    rows.push({
      line: record.line,
      ...(id ? { id } : {}),
      response: { ...response, text: check.data.text },
    });
  }
  return { rows, skipped, problems };
}

/** `a, b; c` or `a b c` to a list: commas or semicolons when present, else whitespace. */
export function splitList(cell: string): string[] {
  const parts = /[,;]/.test(cell) ? cell.split(/[,;]/) : cell.split(/\s+/);
  return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
}

/** Zendesk placeholders to the pack's names; other placeholders are kept. */
export function withPackPlaceholders(text: string): string {
  return text.replace(/\{\{\s*([A-Za-z0-9_.]+)\s*\}\}/g, (whole, name: string) => {
    const alias = placeholderAliases[name];
    return alias ? `{{${alias}}}` : whole;
  });
}
