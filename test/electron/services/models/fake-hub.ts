/**
 * A local stand-in for the Hugging Face hub (which this machine cannot reach): it serves
 * `/<org>/<name>/resolve/<revision>/<file>` from a folder, with the headers the real hub sends
 * (`X-Repo-Commit`; `X-Linked-Etag` / `X-Linked-Size` and a redirect to a CDN path for `.onnx`
 * files, as for LFS files). Hooks make it lie, stall or refuse.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';

export interface FakeHub {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export interface FakeHubOptions {
  /** The folder holding `<org>/<name>/`. */
  root: string;
  commit?: string;
  /** Change what is served for a file (tampering). */
  mutate?: (file: string, bytes: Buffer) => Buffer;
  /** `silent`: accept and never answer; `stall`: send headers and half the body, then stop. */
  behaviour?: 'normal' | 'silent' | 'stall';
}

export async function startFakeHub(options: FakeHubOptions): Promise<FakeHub> {
  const requests: string[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      requests.push(path);
      if (options.behaviour === 'silent') return void hanging.add(res);
      const cdn = /^\/cdn\/(.+)$/.exec(path);
      const resolve = /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
      const [id, file] = cdn ? cdn[1]!.split('|') : resolve ? [resolve[1], resolve[3]] : [];
      const bytes =
        id && file ? await readFile(join(options.root, id, file)).catch(() => null) : null;
      if (!bytes || !file) {
        res.writeHead(404).end('Entry not found');
        return;
      }
      const served = options.mutate?.(file, bytes) ?? bytes;
      const isLfs = file.endsWith('.onnx');
      if (resolve && isLfs) {
        res.writeHead(302, {
          location: `/cdn/${encodeURIComponent(`${id}|${file}`)}`,
          'x-repo-commit': options.commit ?? '0123456789abcdef0123456789abcdef01234567',
          'x-linked-etag': `"${createHash('sha256').update(bytes).digest('hex')}"`,
          'x-linked-size': String(bytes.length),
        });
        res.end();
        return;
      }
      res.writeHead(200, {
        'content-length': String(served.length),
        ...(resolve
          ? { 'x-repo-commit': options.commit ?? '0123456789abcdef0123456789abcdef01234567' }
          : {}),
      });
      if (options.behaviour === 'stall') {
        res.write(served.subarray(0, Math.floor(served.length / 2)));
        hanging.add(res);
        return;
      }
      res.end(served);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
