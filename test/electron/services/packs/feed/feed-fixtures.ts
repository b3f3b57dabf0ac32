/**
 * Feed test fixtures: a real static HTTP server on 127.0.0.1 (node:http) serving a feed folder
 * with ETag and Last-Modified and answering conditional requests with 304, logging every
 * request; signed packs written by the real pack writer; and the real PackInstaller (lexical
 * index, no model needed).
 */
import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createPackIndexer } from '../../../../../electron/services/knowledge';
import { PackInstaller } from '../../../../../electron/services/packs';
import { writeFixturePack } from '../../knowledge/knowledge-fixtures';

export interface LoggedRequest {
  path: string;
  status: number;
}

/** A static file server over `root`; `trickle` slows one file down (bytes per tick). */
export class StaticFeedServer {
  readonly log: LoggedRequest[] = [];
  /** Serve this path a few bytes at a time, so a test can act mid-download. */
  trickle: { path: string; bytesPerTick: number; tickMs: number } | null = null;
  private server: Server | null = null;
  port = 0;

  constructor(readonly root: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  async start(port = 0): Promise<void> {
    const server = createServer((request, response) => {
      void this.answer(request.url ?? '/', request.headers, response);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** The server goes away (a test's "server down"); `start(port)` brings it back. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests for `path` and their status codes. */
  statuses(path: string): number[] {
    return this.log.filter((r) => r.path === path).map((r) => r.status);
  }

  private async answer(
    url: string,
    headers: Record<string, string | string[] | undefined>,
    response: ServerResponse,
  ): Promise<void> {
    const path = decodeURIComponent(new URL(url, 'http://x').pathname);
    const file = join(this.root, path);
    const send = (status: number, body?: Buffer, extra: Record<string, string> = {}) => {
      this.log.push({ path, status });
      response.writeHead(status, extra);
      response.end(body);
    };
    if (path.includes('..')) return send(400);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return send(404);
    const body = await readFile(file);
    const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
    const lastModified = info.mtime.toUTCString();
    const validators = { etag, 'last-modified': lastModified };
    const sinceOk =
      headers['if-modified-since'] !== undefined &&
      Date.parse(String(headers['if-modified-since'])) >= Math.floor(info.mtimeMs / 1000) * 1000;
    if (headers['if-none-match'] === etag || (headers['if-none-match'] === undefined && sinceOk)) {
      return send(304, undefined, validators);
    }
    if (this.trickle?.path !== path) {
      return send(200, body, { ...validators, 'content-length': String(body.length) });
    }
    this.log.push({ path, status: 200 });
    response.writeHead(200, { ...validators, 'content-length': String(body.length) });
    const { bytesPerTick, tickMs } = this.trickle;
    let offset = 0;
    const tick = () => {
      if (response.destroyed) return;
      response.write(body.subarray(offset, offset + bytesPerTick));
      offset += bytesPerTick;
      if (offset >= body.length) response.end();
      else setTimeout(tick, tickMs);
    };
    tick();
  }
}

/** A signed pack `id@version` whose one article says `marker`. */
export function writeSignedPack(
  path: string,
  id: string,
  version: string,
  signKeyPem: string,
  marker = `${id} ${version}`,
): Promise<string> {
  return writeFixturePack(path, {
    id,
    version,
    signKeyPem,
    articles: [
      {
        articleId: 'guide/returns',
        title: `Returns (${version})`,
        text: `Returns are accepted within 30 days. ${marker}.\n\nThe zeppelin desk handles ${marker}.`,
      },
    ],
  });
}

/** The one pack installer over `dataDir`, trusting `trustedKeys` only (lexical index). */
export function openInstaller(dataDir: string, trustedKeys: string[]): Promise<PackInstaller> {
  return PackInstaller.open({
    dataDir,
    trust: () => ({ trustedKeys, allowUnsigned: false }),
    indexer: createPackIndexer(null),
  });
}
