/**
 * Adds imported macros to a `responses.yaml`, keeping what is already there (comments and
 * formatting included): an entry whose id exists is skipped and reported, an id made from
 * a title is made unique with a numeric suffix unless the title is the same (then it is the
 * same macro imported twice).
 */
import { Document, isMap, isScalar, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import { LocalIdPattern } from './local-id';
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import type { SkippedItem } from './import-summary';
import type { MacroRow } from './macros-csv';
import { slugify } from './slug';

export interface MergeResult {
  /** The new responses.yaml text, or null when nothing was added. */
  text: string | null;
  added: string[];
  skipped: SkippedItem[];
  problems: PackProblem[];
}

/** Merge `rows` into the existing responses.yaml text (null when there is none). */
export function mergeResponses(existing: string | null, rows: readonly MacroRow[]): MergeResult {
  const doc = existing === null ? new Document([]) : parseDocument(existing);
  if (doc.errors.length > 0) {
    return {
      text: null,
      added: [],
      skipped: [],
      problems: [
        {
          file: 'responses.yaml',
          message: `fix its YAML first (${doc.errors[0]!.message.split('\n')[0]}); nothing was imported`,
        },
      ],
    };
  }
  if (existing !== null && doc.contents === null) doc.contents = doc.createNode([]);
  const list = listNode(doc);
  if (!list)
    return {
      text: null,
      added: [],
      skipped: [],
      problems: [
        { file: 'responses.yaml', message: 'is not a list of responses; nothing was imported' },
      ],
    };
  if (existing === null)
    doc.commentBefore =
      ' Canned responses. Placeholders such as {{customer_name}} are filled in by the agent.';

  const titles = new Map<string, string>();
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const id = item.get('id');
    const title = item.get('title');
    if (typeof id === 'string')
      titles.set(id, typeof title === 'string' ? title.trim().toLowerCase() : '');
  }
  const added: string[] = [];
  const skipped: SkippedItem[] = [];
  for (const row of rows) {
    const item = `row on line ${row.line} "${row.response.title}"`;
    const sameTitle = (id: string) => titles.get(id) === row.response.title.toLowerCase();
    let id =
      row.id !== undefined && LocalIdPattern.test(row.id)
        ? row.id
        : slugify(row.id ?? row.response.title, 64) || 'response';
    if (titles.has(id) && (row.id !== undefined || sameTitle(id))) {
      skipped.push({ item, reason: `duplicate: id "${id}" is already in responses.yaml` });
      continue;
    }
    for (let n = 2; titles.has(id); n++)
      id = `${slugify(row.response.title, 60) || 'response'}-${n}`;
    titles.set(id, row.response.title.toLowerCase());
    const node = doc.createNode(compact({ id, ...row.response }));
    const text = node.get('text', true);
    if (isScalar(text) && row.response.text.includes('\n')) text.type = 'BLOCK_LITERAL';
    list.items.push(node);
    added.push(id);
  }
  return {
    text: added.length > 0 ? doc.toString({ lineWidth: 0 }) : null,
    added,
    skipped,
    problems: [],
  };
}

/** The list of responses: the document itself, or its `responses:` key. */
function listNode(doc: Document): YAMLSeq | null {
  if (isSeq(doc.contents)) return doc.contents;
  if (isMap(doc.contents)) {
    const inner = doc.contents.get('responses', true);
    return isSeq(inner) ? inner : null;
  }
  return null;
}

/** Leave out empty lists, as a person writing the file would. */
function compact(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entry).filter(([, v]) => !(Array.isArray(v) && v.length === 0)),
  );
}
