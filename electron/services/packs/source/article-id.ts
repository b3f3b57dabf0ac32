/** Article ids and fallback titles, derived from a file's path under `articles/`. */

/**
 * The article id of a path relative to `articles/`: the path without its extension, always
 * with forward slashes, whatever separator the operating system used
 * (`billing\refunds.md` and `billing/refunds.md` are both `billing/refunds`).
 */
export function articleIdFromPath(relativePath: string): string {
  const segments = relativePath.split(/[\\/]+/).filter(Boolean);
  const last = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  segments.push(dot > 0 ? last.slice(0, dot) : last);
  return segments.join('/');
}

/** A title from a file name when an article has none: `refund-policy.md` is "Refund policy". */
export function titleFromFileName(relativePath: string): string {
  const id = articleIdFromPath(relativePath);
  const base = id.slice(id.lastIndexOf('/') + 1);
  const words = base.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : base;
}
