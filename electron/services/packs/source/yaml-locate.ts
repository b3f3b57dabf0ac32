/**
 * YAML parsing that remembers where things are: every problem found later (a schema issue,
 * a duplicate id, a dangling reference) is reported at the line of the node it concerns.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

/** A path into a parsed YAML value: map keys and list indexes. */
export type YamlPath = readonly PropertyKey[];

export interface LocatedYaml {
  /** The plain JavaScript value; undefined when the text has syntax errors. */
  value: unknown;
  /** Syntax errors, each at its line. */
  errors: { line: number; message: string }[];
  /** The line of the node at `path`, or of its nearest ancestor that exists. */
  lineOf(path: YamlPath): number;
}

/**
 * Parse YAML text. `firstLine` is the line of the text's first line in its file (front
 * matter starts on line 2 of an article).
 */
export function parseLocatedYaml(text: string, firstLine = 1): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const nodeLine = (node: unknown): number | undefined => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    return range ? lineAt(range[0]) : undefined;
  };

  const errors = doc.errors.map((error) => ({
    line: lineAt(error.pos[0]),
    message: firstSentence(error.message),
  }));
  const value = errors.length > 0 ? undefined : doc.toJS({ maxAliasCount: 100 });

  const lineOf = (path: YamlPath): number => {
    let node: unknown = doc.contents;
    let line = nodeLine(node) ?? firstLine;
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => keyText(p.key) === String(segment));
        if (!pair) break;
        line = nodeLine(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        line = nodeLine(item) ?? line;
        node = item;
      } else {
        break;
      }
    }
    return line;
  };

  return { value, errors, lineOf };
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}

/** The yaml package's messages end with a location we already report separately. */
function firstSentence(message: string): string {
  return message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}
