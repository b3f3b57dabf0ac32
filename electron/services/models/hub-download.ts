/**
 * One file from the hub: a GET that follows redirects by hand (to keep the hub's own headers),
 * streamed through a hash into `to`, with a deadline for the answer and for every next chunk.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../shared/result';
import { HashTap } from './hash-tap';
import { hubRequestError } from './hub-errors';

/** What was downloaded, and what the hub said about it. */
export interface Downloaded {
  sha256: string;
  size: number;
  /** The sha256 the hub declares for the file (LFS files), when it does. */
  hubSha256: string | null;
  commit: string | null;
}

/** A non-2xx answer; the caller turns it into a message. */
export class StatusError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** GET `url` into `to`, with a deadline for the answer and for every next chunk of the body. */
export async function download(
  url: string,
  to: string,
  timeoutMs: number,
  onBytes: (bytes: number, total: number | null) => void,
): Promise<Downloaded> {
  const abort = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      abort.abort();
    }, timeoutMs);
  };
  arm();
  try {
    const { response, hubHeaders } = await followRedirects(url, abort.signal);
    const header = (name: string) => hubHeaders.get(name) ?? response.headers.get(name);
    const total = Number(header('x-linked-size') ?? response.headers.get('content-length')) || null;
    const linked = header('x-linked-etag')?.replace(/^W\//, '').replaceAll('"', '') ?? '';
    const tap = new HashTap((bytes) => {
      arm();
      onBytes(bytes, total);
    });
    await mkdir(dirname(to), { recursive: true });
    const body = Readable.fromWeb(response.body! as WebReadableStream<Uint8Array>);
    await pipeline(body, tap, createWriteStream(to, { flags: 'wx' }));
    return {
      sha256: tap.sha256(),
      size: tap.bytes,
      hubSha256: /^[0-9a-f]{64}$/.test(linked) ? linked : null,
      commit: header('x-repo-commit'),
    };
  } catch (error) {
    if (error instanceof StatusError || error instanceof AppError) throw error;
    throw hubRequestError(error, url, timedOut ? timeoutMs : null);
  } finally {
    clearTimeout(timer);
  }
}

const MAX_REDIRECTS = 5;

/**
 * Follow redirects by hand: the hub's own answer (before it redirects an LFS file to its CDN)
 * carries the headers that matter (`X-Linked-Etag`, `X-Repo-Commit`).
 */
async function followRedirects(
  url: string,
  signal: AbortSignal,
): Promise<{ response: Response; hubHeaders: Headers }> {
  let current = url;
  let hubHeaders: Headers | null = null;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const response = await fetch(current, { signal, redirect: 'manual' });
    hubHeaders ??= response.headers;
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel();
      current = new URL(location, current).href;
      continue;
    }
    if (!response.ok || !response.body) throw new StatusError(response.status);
    return { response, hubHeaders };
  }
  throw new AppError('unavailable', `${url} redirected more than ${MAX_REDIRECTS} times`);
}
