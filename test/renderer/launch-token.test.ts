/** The launch token: read from the address once, kept for reloads, removed from the address bar. */
import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, takeLaunchToken } from '../../renderer/src/api/launch-token';
import { apiSocketUrl } from '../../renderer/src/api/select-api';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe('takeLaunchToken', () => {
  it('takes the token from the address, stores it and strips it from the address bar', () => {
    const storage = memoryStorage();
    const replaced: string[] = [];
    const token = takeLaunchToken({
      href: 'http://127.0.0.1:4477/?token=abc-123&view=x#panel-replies',
      storage,
      replaceAddress: (url) => replaced.push(url),
    });
    expect(token).toBe('abc-123');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('abc-123');
    expect(replaced).toEqual(['/?view=x#panel-replies']);
  });

  it('falls back to the stored token on a reload, leaving the address alone', () => {
    const replaced: string[] = [];
    const token = takeLaunchToken({
      href: 'http://127.0.0.1:4477/',
      storage: memoryStorage({ [TOKEN_STORAGE_KEY]: 'kept' }),
      replaceAddress: (url) => replaced.push(url),
    });
    expect(token).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the address over a stale stored one (serve restarted)', () => {
    const storage = memoryStorage({ [TOKEN_STORAGE_KEY]: 'old' });
    expect(
      takeLaunchToken({ href: 'http://127.0.0.1:1/?token=new', storage, replaceAddress: () => {} }),
    ).toBe('new');
    expect(storage.data.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('returns null without a token, and survives storage that throws', () => {
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(
      takeLaunchToken({ href: 'http://127.0.0.1:1/', storage: throwing, replaceAddress: () => {} }),
    ).toBeNull();
    expect(
      takeLaunchToken({
        href: 'http://127.0.0.1:1/?token=t',
        storage: throwing,
        replaceAddress: () => {},
      }),
    ).toBe('t');
    expect(
      takeLaunchToken({ href: 'http://127.0.0.1:1/', storage: null, replaceAddress: () => {} }),
    ).toBeNull();
  });
});

describe('apiSocketUrl', () => {
  it('addresses the API on the host that served the page, token encoded', () => {
    expect(apiSocketUrl('127.0.0.1:4477', 'a+b/c')).toBe('ws://127.0.0.1:4477/api?token=a%2Bb%2Fc');
  });
});
