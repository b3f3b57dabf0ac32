/**
 * Inline Markdown to plain text: emphasis and strike-through markers dropped, code spans kept
 * verbatim, links reduced to their text, images to their alt text, HTML tags and comments
 * removed, backslash escapes and entities resolved, whitespace collapsed.
 */
import { decodeEntities } from './entities';

const inlineLink = String.raw`\[([^\[\]]*)\]\(\s*(?:<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)`;
const referenceLink = String.raw`\[([^\[\]]*)\]\[[^\[\]]*\]`;
const IMAGE = new RegExp(`!(?:${inlineLink}|${referenceLink.replace('(', '(?<alt>')})`, 'g');
const LINK = new RegExp(`${inlineLink}|${referenceLink.replace('(', '(?<label>')}`, 'g');
const SHORTCUT = /\[([^[\]]+)\](?![([:])/g;
const AUTOLINK = /<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/gi;
const TAG = /<\/?([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*)?\/?>/g;
const BLOCK_TAGS = new Set([
  'br',
  'p',
  'div',
  'li',
  'tr',
  'td',
  'th',
  'hr',
  'ul',
  'ol',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
]);
const EMPHASIS: [RegExp, string][] = [
  [/\*\*\*(?=\S)([\s\S]*?\S)\*\*\*/g, '$1'],
  [/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1'],
  [/(^|[^\p{L}\p{N}_])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}_])/gu, '$1$2'],
  [/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1'],
  [/(^|[^\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2'],
  [/~~(?=\S)([\s\S]*?\S)~~/g, '$1'],
];

/**
 * Plain text of a run of inline Markdown. `references` holds the lower-cased labels of the
 * document's link reference definitions, so `[Returns]` becomes `Returns` only when it is a link.
 */
export function stripInline(markdown: string, references: ReadonlySet<string> = new Set()): string {
  const kept: string[] = [];
  const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
  let text = markdown
    .replace(/(?<!`)(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g, (_, _ticks: string, code: string) =>
      keep(trimCodeSpan(code)),
    )
    .replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => keep(char))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(AUTOLINK, (_, url: string) => keep(url));
  text = text.replace(IMAGE, (...m: unknown[]) => String(m[1] ?? groups(m).alt ?? ''));
  for (let pass = 0; pass < 3; pass++) {
    text = text.replace(LINK, (...m: unknown[]) => String(m[1] ?? groups(m).label ?? ''));
  }
  text = text.replace(SHORTCUT, (whole, label: string) =>
    references.has(normalizeLabel(label)) ? label : whole,
  );
  text = text.replace(TAG, (_, name: string) => (BLOCK_TAGS.has(name.toLowerCase()) ? ' ' : ''));
  for (let pass = 0; pass < 2; pass++) {
    for (const [pattern, replacement] of EMPHASIS) text = text.replace(pattern, replacement);
  }
  text = decodeEntities(text);
  for (let pass = 0; pass < 3 && text.includes('\uE000'); pass++) {
    text = text.replace(/\uE000(\d+)\uE001/g, (_, i: string) => kept[Number(i)] ?? '');
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Reference labels match case-insensitively with collapsed whitespace. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** CommonMark: one leading and trailing space is stripped when both are present. */
function trimCodeSpan(code: string): string {
  const flat = code.replace(/\n/g, ' ');
  return /^ .*[^ ].* $/.test(flat) ? flat.slice(1, -1) : flat;
}

function groups(match: unknown[]): Record<string, string | undefined> {
  const last = match[match.length - 1];
  return typeof last === 'object' && last !== null
    ? (last as Record<string, string | undefined>)
    : {};
}
