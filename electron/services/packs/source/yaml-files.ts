/**
 * The YAML files of a pack source: `pack.yaml` (a map) and the list files `responses.yaml`,
 * `intents.yaml`, `rules.yaml`. Each list entry is validated on its own, so one bad entry
 * does not hide the problems of the others, and the raw entries stay available for the
 * duplicate and cross-reference checks.
 */
import type { z } from 'zod';
import type { PackProblem } from '../../../../shared/packs/pack-schemas';
import { parseLocatedYaml, type YamlPath } from './yaml-locate';
import { describeIssues, PACK_KEYS } from '../../../../shared/zod-issues';
import { didYouMean } from '../../../../shared/did-you-mean';

/** One entry of a list file, with its validated value (null when invalid) and its lines. */
export interface ListEntry<T> {
  index: number;
  raw: unknown;
  value: T | null;
  /** Line of a field inside this entry, e.g. `lineOf(['examples', 2])`. */
  lineOf(path: YamlPath): number;
}

/** Parse and validate a map file such as `pack.yaml`. */
export function parseMapFile<S extends z.ZodType>(
  file: string,
  text: string,
  schema: S,
): { value: z.output<S> | null; problems: PackProblem[] } {
  const yaml = parseLocatedYaml(text);
  if (yaml.errors.length > 0) return { value: null, problems: syntaxProblems(file, yaml.errors) };
  const parsed = schema.safeParse(yaml.value ?? {});
  if (parsed.success) return { value: parsed.data, problems: [] };
  const problems = describeIssues(parsed.error.issues, yaml.value, PACK_KEYS).map((s) => ({
    file,
    line: yaml.lineOf(s.path),
    message: s.message,
  }));
  return { value: null, problems };
}

/**
 * Parse and validate a list file. The file is a YAML list, or a map with the one key
 * `listKey` holding the list (`intents:` followed by the entries).
 */
export function parseListFile<S extends z.ZodType>(
  file: string,
  text: string,
  listKey: string,
  noun: string,
  schema: S,
): { entries: ListEntry<z.output<S>>[]; problems: PackProblem[] } {
  const yaml = parseLocatedYaml(text);
  if (yaml.errors.length > 0) return { entries: [], problems: syntaxProblems(file, yaml.errors) };
  const problems: PackProblem[] = [];
  let list: unknown = yaml.value ?? [];
  let base: PropertyKey[] = [];
  if (isPlainMap(list)) {
    for (const key of Object.keys(list).filter((k) => k !== listKey)) {
      const hint = didYouMean(key, [listKey]);
      problems.push({
        file,
        line: yaml.lineOf([key]),
        message: `unknown top-level key "${key}"${hint}: ${file} holds a list of ${noun}s`,
      });
    }
    list = list[listKey] ?? [];
    base = [listKey];
  }
  if (!Array.isArray(list)) {
    problems.push({
      file,
      line: yaml.lineOf(base),
      message: `must be a list of ${noun}s, each starting with "- id: ..."`,
    });
    return { entries: [], problems };
  }
  const entries = list.map((raw, index): ListEntry<z.output<S>> => {
    const lineOf = (path: YamlPath) => yaml.lineOf([...base, index, ...path]);
    const parsed = schema.safeParse(raw);
    if (parsed.success) return { index, raw, value: parsed.data, lineOf };
    const label = entryLabel(noun, raw, index);
    for (const sentence of describeIssues(parsed.error.issues, raw, PACK_KEYS)) {
      problems.push({
        file,
        line: lineOf(sentence.path),
        message: `${label}: ${sentence.message}`,
      });
    }
    return { index, raw, value: null, lineOf };
  });
  return { entries, problems };
}

/** `intent "refund-status"`, or `intent #3` when the entry has no usable id. */
export function entryLabel(noun: string, raw: unknown, index: number): string {
  const id = isPlainMap(raw) ? raw.id : undefined;
  return typeof id === 'string' && id.trim() ? `${noun} "${id}"` : `${noun} #${index + 1}`;
}

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function syntaxProblems(file: string, errors: { line: number; message: string }[]): PackProblem[] {
  return errors.map((e) => ({ file, line: e.line, message: `YAML syntax: ${e.message}` }));
}
