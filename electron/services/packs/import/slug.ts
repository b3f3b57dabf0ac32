/** File- and id-safe slugs from titles: `Refund – processed!` is `refund-processed`. */

/** Lower-case ASCII letters and digits joined by single dashes, at most `max` characters. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= max
    ? slug
    : slug.slice(0, max).replace(/-+[^-]*$/, '') || slug.slice(0, max);
}
