/**
 * Front matter: a YAML block between `---` lines at the very top of an article (Markdown,
 * plain text, or HTML before its markup).
 */

export interface FrontMatterSplit {
  /** The YAML between the fences, or null when the file has no front matter. */
  yaml: string | null;
  /** Line in the file of the YAML's first line. */
  yamlFirstLine: number;
  /** The rest of the file. */
  body: string;
  /** Line in the file of the body's first line. */
  bodyFirstLine: number;
  /** True when an opening `---` has no closing `---` (the whole file is then the body). */
  unclosed: boolean;
}

const fence = /^---[ \t]*$/;
const closingFence = /^(---|\.\.\.)[ \t]*$/;

/** Split front matter from the body. A leading byte-order mark is ignored. */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const none = { yaml: null, yamlFirstLine: 1, body: lines.join('\n'), bodyFirstLine: 1 };
  if (!fence.test(lines[0] ?? '')) return { ...none, unclosed: false };
  const end = lines.findIndex((line, i) => i > 0 && closingFence.test(line));
  if (end < 0) return { ...none, unclosed: true };
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlFirstLine: 2,
    body: lines.slice(end + 1).join('\n'),
    bodyFirstLine: end + 2,
    unclosed: false,
  };
}
