/**
 * Several JSON documents in one file: a JSON array, a single value, or values written one
 * after another (`cat page-*.json > export.json` gives `{...}{...}`).
 */

/** Parse every top-level JSON value in `text`; throws a SyntaxError naming the line. */
export function parseJsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let start = -1;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) values.push(parseAt(text, start, i + 1));
      if (depth < 0) throw new SyntaxError(`unbalanced ${char} on line ${lineOf(text, i)}`);
    } else if (depth === 0 && !/\s/.test(char)) {
      throw new SyntaxError(
        `unexpected ${JSON.stringify(char)} on line ${lineOf(text, i)}: expected { or [`,
      );
    }
  }
  if (depth !== 0 || inString) throw new SyntaxError('the JSON ends in the middle of a value');
  return values;
}

function parseAt(text: string, start: number, end: number): unknown {
  try {
    return JSON.parse(text.slice(start, end));
  } catch (error) {
    throw new SyntaxError(
      `invalid JSON in the value starting on line ${lineOf(text, start)}: ${(error as Error).message}`,
      { cause: error },
    );
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text[i] === '\n') line++;
  return line;
}
