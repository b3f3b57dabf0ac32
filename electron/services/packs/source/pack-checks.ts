/**
 * Checks across a pack's entries and files: duplicate ids, references that point nowhere,
 * malformed placeholders, and the same example utterance taught to two intents. They run on
 * the raw entries too, so an entry with a schema problem still has its other mistakes found.
 * An example repeated within one intent (same words, other case or punctuation, as real exports
 * have) is only a warning: `repeatedExamples` names both lines and the copy is dropped.
 */
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import { placeholderMistakes } from './placeholders';
import { didYouMean } from '../../../../shared/did-you-mean';
import { entryLabel, isPlainMap, type ListEntry } from './yaml-files';

export interface ArticleRef {
  file: string;
  articleId: string;
}

export interface PackChecksInput {
  articles: readonly ArticleRef[];
  responses: readonly ListEntry<unknown>[];
  intents: readonly ListEntry<unknown>[];
  rules: readonly ListEntry<unknown>[];
}

const RESPONSES = 'responses.yaml';
const INTENTS = 'intents.yaml';
const RULES = 'rules.yaml';

/** Every cross-entry problem of a pack. */
export function checkPack(input: PackChecksInput): PackProblem[] {
  const responseIds = new Set(input.responses.map(idOf).filter(isString));
  const intentIds = new Set(input.intents.map(idOf).filter(isString));
  const articleIds = new Set(input.articles.map((a) => a.articleId));
  return [
    ...duplicateIds(RESPONSES, 'response', input.responses),
    ...duplicateIds(INTENTS, 'intent', input.intents),
    ...duplicateIds(RULES, 'rule', input.rules),
    ...duplicateArticles(input.articles),
    ...input.intents.flatMap((entry) => [
      ...danglingRefs(INTENTS, 'intent', entry, 'responses', responseIds, RESPONSES),
      ...danglingArticleRefs(entry, articleIds),
      ...duplicateNextActions(entry),
    ]),
    ...input.responses.flatMap((entry) => [
      ...danglingRefs(RESPONSES, 'response', entry, 'intents', intentIds, INTENTS),
      ...placeholderProblems(entry),
    ]),
    ...input.rules.flatMap((entry) =>
      danglingRefs(RULES, 'rule', entry, 'intents', intentIds, INTENTS),
    ),
    ...sharedExamples(input.intents),
  ];
}

function duplicateIds(
  file: string,
  noun: string,
  entries: readonly ListEntry<unknown>[],
): PackProblem[] {
  const seen = new Map<string, number>();
  return entries.flatMap((entry) => {
    const id = idOf(entry);
    if (id === undefined) return [];
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, entry.lineOf(['id']));
      return [];
    }
    return [
      {
        file,
        line: entry.lineOf(['id']),
        message: `duplicate ${noun} id "${id}": already used on line ${first}`,
      },
    ];
  });
}

function duplicateArticles(articles: readonly ArticleRef[]): PackProblem[] {
  const byId = new Map<string, string>();
  const byFolded = new Map<string, ArticleRef>();
  return articles.flatMap((article): PackProblem[] => {
    const same = byId.get(article.articleId);
    if (same !== undefined) {
      return [
        {
          file: article.file,
          message: `same article id "${article.articleId}" as ${same}: the id is the path without its extension, so rename or remove one of them`,
        },
      ];
    }
    byId.set(article.articleId, article.file);
    const folded = byFolded.get(article.articleId.toLowerCase());
    if (folded) {
      return [
        {
          file: article.file,
          message: `article id "${article.articleId}" differs from "${folded.articleId}" (${folded.file}) only in letter case: they collide on Windows and macOS`,
        },
      ];
    }
    byFolded.set(article.articleId.toLowerCase(), article);
    return [];
  });
}

function danglingRefs(
  file: string,
  noun: string,
  entry: ListEntry<unknown>,
  key: string,
  known: ReadonlySet<string>,
  target: string,
): PackProblem[] {
  return stringsAt(entry.raw, key)
    .filter(({ value }) => !known.has(value))
    .map(({ value, index }) => ({
      file,
      line: entry.lineOf([key, index]),
      message: `${entryLabel(noun, entry.raw, entry.index)}: ${key}[${index}] "${value}" is not defined in ${target}${didYouMean(value, known)}`,
    }));
}

function danglingArticleRefs(entry: ListEntry<unknown>, known: ReadonlySet<string>): PackProblem[] {
  return stringsAt(entry.raw, 'articles')
    .filter(({ value }) => !known.has(value))
    .map(({ value, index }) => {
      const withoutExtension = value.replace(/\.(md|markdown|html?|txt)$/i, '');
      const hint =
        withoutExtension !== value && known.has(withoutExtension)
          ? ` (article ids have no extension: "${withoutExtension}")`
          : didYouMean(value, known);
      return {
        file: INTENTS,
        line: entry.lineOf(['articles', index]),
        message: `${entryLabel('intent', entry.raw, entry.index)}: articles[${index}] "${value}" is not an article under articles/${hint}`,
      };
    });
}

function duplicateNextActions(entry: ListEntry<unknown>): PackProblem[] {
  const actions =
    isPlainMap(entry.raw) && Array.isArray(entry.raw.nextActions) ? entry.raw.nextActions : [];
  const seen = new Set<string>();
  return actions.flatMap((action: unknown, index): PackProblem[] => {
    const id = isPlainMap(action) && typeof action.id === 'string' ? action.id : undefined;
    if (id === undefined) return [];
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    const label = entryLabel('intent', entry.raw, entry.index);
    return [
      {
        file: INTENTS,
        line: entry.lineOf(['nextActions', index, 'id']),
        message: `${label}: next action id "${id}" is used twice`,
      },
    ];
  });
}

function placeholderProblems(entry: ListEntry<unknown>): PackProblem[] {
  const text = isPlainMap(entry.raw) ? entry.raw.text : undefined;
  if (typeof text !== 'string') return [];
  const label = entryLabel('response', entry.raw, entry.index);
  return placeholderMistakes(text).map((m) => ({
    file: RESPONSES,
    line: entry.lineOf(['text']),
    message: `${label}: ${m}`,
  }));
}

/** The same utterance under two intents teaches the classifier two answers for one question. */
/** An example's words, case and punctuation aside: two examples alike here are one. */
function exampleKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function sharedExamples(intents: readonly ListEntry<unknown>[]): PackProblem[] {
  const seen = new Map<string, { intent: string; line: number }>();
  return intents.flatMap((entry) => {
    const label = entryLabel('intent', entry.raw, entry.index);
    const own = new Set<string>();
    return stringsAt(entry.raw, 'examples').flatMap(({ value, index }): PackProblem[] => {
      const key = exampleKey(value);
      const line = entry.lineOf(['examples', index]);
      // A copy within the same intent is a warning (repeatedExamples), not a problem.
      if (own.has(key)) return [];
      own.add(key);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { intent: label, line });
        return [];
      }
      return [
        {
          file: INTENTS,
          line,
          message: `${label}: example "${value}" is already an example of ${first.intent} (line ${first.line})`,
        },
      ];
    });
  });
}

/** Examples repeated within one intent: a warning each, and the copies to drop. */
export interface RepeatedExamples {
  readonly warnings: PackProblem[];
  /** Per intent entry (by its index in intents.yaml), the example positions to drop. */
  readonly drop: ReadonlyMap<number, ReadonlySet<number>>;
}

/** The examples repeated within one intent (same words, other case or punctuation). */
export function repeatedExamples(intents: readonly ListEntry<unknown>[]): RepeatedExamples {
  const warnings: PackProblem[] = [];
  const drop = new Map<number, Set<number>>();
  for (const entry of intents) {
    const label = entryLabel('intent', entry.raw, entry.index);
    const first = new Map<string, { value: string; line: number }>();
    for (const { value, index } of stringsAt(entry.raw, 'examples')) {
      const key = exampleKey(value);
      const line = entry.lineOf(['examples', index]);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { value, line });
        continue;
      }
      warnings.push({
        file: INTENTS,
        line,
        message: `${label}: example "${value}" repeats "${earlier.value}" (line ${earlier.line}); the copy on line ${line} is dropped`,
      });
      drop.set(entry.index, (drop.get(entry.index) ?? new Set()).add(index));
    }
  }
  return { warnings, drop };
}

function idOf(entry: ListEntry<unknown>): string | undefined {
  return isPlainMap(entry.raw) && typeof entry.raw.id === 'string' ? entry.raw.id : undefined;
}

function stringsAt(raw: unknown, key: string): { value: string; index: number }[] {
  const list = isPlainMap(raw) ? raw[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((value: unknown, index) =>
    typeof value === 'string' ? [{ value, index }] : [],
  );
}

function isString(value: string | undefined): value is string {
  return value !== undefined;
}
