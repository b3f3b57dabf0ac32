/**
 * Reading a feed: its `feed.json` with conditional requests (ETag / If-Modified-Since over
 * http, modification time and size for a folder), and a pack file streamed to disk with its
 * size and SHA-256 checked against the signed index before anything else reads it.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AppError } from '../../../../shared/result';
import { FEED_FILE, MAX_FEED_BYTES, type FeedEntry } from './feed-index';
import type { FeedLocation } from './feed-location';

/** What the last answer said about the index, for the next conditional request. */
export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type IndexFetch =
  | { readonly changed: false }
  | { readonly changed: true; readonly text: string; readonly validators: FeedValidators };

export interface FetchOptions {
  /** Abort a request that takes longer (default 30 s). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** The index, or `changed: false` when it is the one the validators describe. */
export async function fetchFeedIndex(
  location: FeedLocation,
  validators: FeedValidators | null,
  options: FetchOptions = {},
): Promise<IndexFetch> {
  if (location.kind === 'folder') {
    const path = join(location.dir, FEED_FILE);
    const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
      throw new AppError('unavailable', `cannot read ${path} (${error.code ?? error.message})`);
    });
    const etag = `${info.mtimeMs}-${info.size}`;
    if (validators?.etag === etag) return { changed: false };
    if (info.size > MAX_FEED_BYTES) {
      throw new AppError('invalid_request', `${path} is larger than ${MAX_FEED_BYTES} bytes`);
    }
    return {
      changed: true,
      text: await readFile(path, 'utf8'),
      validators: { etag, lastModified: null },
    };
  }
  const url = new URL(FEED_FILE, location.base);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (validators?.etag) headers['if-none-match'] = validators.etag;
  if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
  const response = await request(url, headers, options);
  if (response.status === 304) {
    await response.body?.cancel();
    return { changed: false };
  }
  const text = await readCapped(response, MAX_FEED_BYTES, url);
  return {
    changed: true,
    text,
    validators: {
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    },
  };
}

/**
 * Streams `entry`'s file to `target`, refusing it (and removing what was written) when it is
 * larger than the index says, shorter, or its SHA-256 differs.
 */
export async function downloadFeedPack(
  location: FeedLocation,
  entry: FeedEntry,
  target: string,
  options: FetchOptions = {},
): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const where =
    location.kind === 'folder'
      ? join(location.dir, entry.file)
      : new URL(entry.file, location.base).href;
  const check = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > entry.size) {
        done(tampered(entry, `it is larger than the ${entry.size} bytes the signed feed gives`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    let source: Readable;
    if (location.kind === 'folder') {
      source = createReadStream(where);
    } else {
      const response = await request(new URL(where), {}, options);
      if (!response.body) throw new AppError('unavailable', `${where} answered with no body`);
      source = Readable.fromWeb(response.body as WebReadableStream);
    }
    await pipeline(source, check, createWriteStream(target, { mode: 0o600 }));
    if (size !== entry.size) {
      throw tampered(entry, `it is ${size} bytes, the signed feed gives ${entry.size}`);
    }
    if (hash.digest('hex') !== entry.sha256) {
      throw tampered(entry, 'its SHA-256 differs from the one the signed feed gives');
    }
  } catch (error) {
    await rm(target, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'unavailable',
      `cannot download ${where} (${code ?? (error as Error).message})`,
    );
  }
}

function tampered(entry: FeedEntry, why: string): AppError {
  return new AppError(
    'unauthorized',
    `${entry.file} was refused: ${why} (it was modified or damaged)`,
  );
}

async function request(
  url: URL,
  headers: Record<string, string>,
  options: FetchOptions,
  retried = false,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, {
      headers,
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    // A kept-alive connection the server closed meanwhile: ask once more on a fresh one.
    if (cause === 'UND_ERR_SOCKET' && !retried) return request(url, headers, options, true);
    throw new AppError(
      'unavailable',
      `${url.origin} cannot be reached (${cause ?? (error as Error).message})`,
    );
  }
  if (response.status !== 304 && !response.ok) {
    await response.body?.cancel();
    throw new AppError('unavailable', `${url.href} answered HTTP ${response.status}`);
  }
  return response;
}

async function readCapped(response: Response, max: number, url: URL): Promise<string> {
  const length = Number(response.headers.get('content-length') ?? '0');
  if (length > max)
    throw new AppError('invalid_request', `${url.href} is larger than ${max} bytes`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max)
      throw new AppError('invalid_request', `${url.href} is larger than ${max} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
