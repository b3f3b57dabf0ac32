/**
 * Where a feed lives: an https URL, or a folder (a local path, a `file:` URL, a Windows share
 * `\\server\packs`). Plain http is allowed only on this computer (tests, a local mirror):
 * everything is signed, but a pack's text is the organisation's own and should not cross a
 * network in the clear.
 */
import { isAbsolute, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FEED_FILE } from './feed-index';

export type FeedLocation =
  { readonly kind: 'http'; readonly base: URL } | { readonly kind: 'folder'; readonly dir: string };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The feed at `url`, or a string saying why it cannot be one. Pure. */
export function feedLocation(url: string): FeedLocation | string {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return `${trimmed} is not a valid URL`;
    }
    if (parsed.protocol === 'http:' && !LOOPBACK.has(parsed.hostname)) {
      return `${trimmed}: use https (plain http is only for a feed on this computer)`;
    }
    if (parsed.username || parsed.password) {
      return `${trimmed}: credentials do not belong in a feed URL`;
    }
    const path = parsed.pathname.endsWith(`/${FEED_FILE}`)
      ? parsed.pathname.slice(0, -FEED_FILE.length)
      : parsed.pathname.endsWith('/')
        ? parsed.pathname
        : `${parsed.pathname}/`;
    return { kind: 'http', base: new URL(`${parsed.origin}${path}`) };
  }
  let dir: string;
  if (/^file:/i.test(trimmed)) {
    try {
      dir = fileURLToPath(trimmed);
    } catch (error) {
      return `${trimmed}: ${(error as Error).message}`;
    }
  } else if (isAbsolute(trimmed) || win32.isAbsolute(trimmed)) {
    dir = trimmed;
  } else {
    return `${trimmed}: a feed is an https URL, an absolute folder path or a share (\\\\server\\packs)`;
  }
  const withoutFile = dir.replace(/[\\/]feed\.json$/i, '');
  return { kind: 'folder', dir: withoutFile };
}
