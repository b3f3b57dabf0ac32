/**
 * What a pack source folder may hold: the files read, the article formats understood, the
 * files skipped on purpose, and the size limits. Pure decisions, no I/O.
 */

/** Per-file size limit: a larger article is almost always an export gone wrong. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A folder with more article files than this is refused rather than read for minutes. */
export const MAX_ARTICLE_FILES = 20_000;

/** The YAML files at the top of a pack source, in the order they are read. */
export const PACK_FILES = [
  'pack.yaml',
  'responses.yaml',
  'intents.yaml',
  'rules.yaml',
  'ranking.yaml',
] as const;
export type PackFileName = (typeof PACK_FILES)[number];

export type ArticleFormat = 'markdown' | 'html' | 'text';

const articleFormats: Record<string, ArticleFormat> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.txt': 'text',
};

/** Files that carry no article text (pictures and styles an article may sit beside). */
const assetExtensions = new Set(['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.ico', '.css']);

/** Files operating systems and editors leave behind. */
const junkNames = new Set(['thumbs.db', 'desktop.ini', 'icon\r']);

/** The lower-case extension with its dot (`.md`), or '' when the name has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

/** The article format for a file name, or undefined when it is not an article file. */
export function articleFormatOf(name: string): ArticleFormat | undefined {
  return articleFormats[extensionOf(name)];
}

/**
 * How a file or folder name under `articles/` is treated: read as an article, skipped
 * silently because it holds no knowledge (hidden files, editor backups, pictures), or
 * reported because skipping it would silently drop content (PDF, Word, unknown types).
 */
export function classifyArticleName(name: string): 'article' | 'ignored' | 'unsupported' {
  if (isIgnoredName(name)) return 'ignored';
  if (articleFormatOf(name)) return 'article';
  if (assetExtensions.has(extensionOf(name))) return 'ignored';
  return 'unsupported';
}

/** Hidden files, OS droppings, Office lock files and editor backups. */
export function isIgnoredName(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith('.') ||
    name.startsWith('~$') ||
    name.endsWith('~') ||
    junkNames.has(lower) ||
    lower.endsWith('.swp') ||
    lower.endsWith('.tmp') ||
    lower.endsWith('.bak')
  );
}

/** Human size: `7.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
