/**
 * The one way a failed zod parse becomes words, wherever the input came from (a request, a
 * settings file, an ingest body, a pack file, a batch line): sentences that name the field,
 * say what was expected, and show what was found.
 */
import type { z } from 'zod';
import { didYouMean } from './did-you-mean';

/** Every key any pack file accepts: the vocabulary for "did you mean" on unknown pack keys. */
export const PACK_KEYS = [
  'id',
  'name',
  'version',
  'publisher',
  'description',
  'language',
  'title',
  'text',
  'intents',
  'tags',
  'examples',
  'nextActions',
  'responses',
  'articles',
  'escalate',
  'reason',
  'severity',
  'phrases',
  'sentimentBelow',
  'url',
  'updated',
];

export interface IssueSentence {
  /** Where the problem is, relative to the parsed value (unknown keys point at the key). */
  path: PropertyKey[];
  message: string;
}

/** `nextActions[0].text`; '' for the root. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${segment}]` : `${i === 0 ? '' : '.'}${String(segment)}`,
    )
    .join('');
}

/** The value at `path` inside `input` (own properties only), or undefined. */
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) {
      return undefined;
    }
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

/** Sentences for the issues of a failed parse of `input`; `knownKeys` for "did you mean". */
export function describeIssues(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
  knownKeys: readonly string[] = [],
): IssueSentence[] {
  return issues.flatMap((issue): IssueSentence[] => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: `unknown key "${key}"${didYouMean(key, knownKeys)}`,
      }));
    }
    const field = formatPath(path);
    const detail = describeIssue(issue, valueAt(input, path));
    return [{ path, message: field ? `${field} ${detail}` : detail }];
  });
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `must be ${typeName(issue.expected)} (got ${shown(value)})${quoteHint(issue.expected, value)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? 'must not be empty'
          : `needs at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array')
        return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `must be at least ${issue.minimum} (got ${shown(value)})`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `is too long: at most ${issue.maximum} characters (got ${String(value).length})`;
      }
      if (issue.origin === 'array') return `has too many items: at most ${issue.maximum}`;
      return `must be at most ${issue.maximum} (got ${shown(value)})`;
    case 'invalid_format':
      if (issue.format === 'url')
        return `must be a web address such as https://help.example.com/a (got ${shown(value)})`;
      return issue.message.startsWith('use ')
        ? `${shown(value)} is not valid: ${issue.message}`
        : `${shown(value)} is not valid: expected ${issue.message}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')} (got ${shown(value)})`;
    case 'custom':
      return value === undefined || typeof value === 'object'
        ? issue.message
        : `${shown(value)}: ${issue.message}`;
    default:
      return issue.message;
  }
}

function typeName(expected: string): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a map of keys and values';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    default:
      return expected;
  }
}

/** Text that starts with `{` or `[` is read by YAML as a map or list unless quoted. */
function quoteHint(expected: string, value: unknown): string {
  return expected === 'string' && typeof value === 'object' && value !== null
    ? '; put quotes around text that starts with { or ['
    : '';
}

/**
 * One line for a failed parse: its first `limit` sentences joined with "; " (the field
 * path first where there is one; `root` names the whole value otherwise).
 */
export function describeZodError(
  error: z.ZodError,
  input?: unknown,
  options: { limit?: number; root?: string; knownKeys?: readonly string[] } = {},
): string {
  const { limit = 5, root = 'payload', knownKeys = [] } = options;
  const sentences = describeIssues(error.issues, input, knownKeys);
  const shownSentences = sentences
    .slice(0, limit)
    .map((s) => (s.path.length === 0 ? `${root} ${s.message}` : s.message));
  const more = sentences.length - shownSentences.length;
  return more > 0 ? `${shownSentences.join('; ')}; and ${more} more` : shownSentences.join('; ');
}

/** A short rendering of a found value for a message. */
export function shown(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
