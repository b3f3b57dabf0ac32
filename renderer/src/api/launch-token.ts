/**
 * The per-launch API token of `inloop serve`. It arrives once in the page address
 * (`/?token=...`); we keep it in sessionStorage (so a reload still works) and take it out
 * of the address bar so it is not left in history, bookmarks or screen shares.
 */
import { TOKEN_PARAM } from '../../../shared/ws-protocol';

export const TOKEN_STORAGE_KEY = 'inloop.apiToken';

/** Where the token can come from; the browser's in production, fakes in tests. */
export interface TokenSources {
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  replaceAddress(url: string): void;
}

/** The token for this tab, or null when the page was opened without one. */
export function takeLaunchToken(sources: TokenSources): string | null {
  const url = new URL(sources.href);
  const fromAddress = url.searchParams.get(TOKEN_PARAM);
  if (fromAddress) {
    safely(() => sources.storage?.setItem(TOKEN_STORAGE_KEY, fromAddress));
    url.searchParams.delete(TOKEN_PARAM);
    sources.replaceAddress(`${url.pathname}${url.search}${url.hash}`);
    return fromAddress;
  }
  return safely(() => sources.storage?.getItem(TOKEN_STORAGE_KEY) ?? null) ?? null;
}

/** Storage can throw (disabled storage, sandboxed frames); the token then lives only in memory. */
function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
