/**
 * The two ways a worker module is found: the `.ts` source under tsx, and the bundled `.js`
 * beside the main bundle. The second is exercised for real: the test worker is bundled with
 * Vite (as electron-vite bundles the main process) and run as plain JS, without tsx.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { WorkerClient } from '../../../../../electron/services/core/workers/worker-client';
import {
  workerEntryUrl,
  workerExecArgv,
} from '../../../../../electron/services/core/workers/worker-entry';
import type { TestRequest } from './fixtures/test-worker';

describe('workerEntryUrl', () => {
  it('finds the .ts worker beside a .ts caller (tsx) and the .js one beside the bundle', () => {
    expect(
      workerEntryUrl('file:///app/electron/services/embeddings/create-embedder.ts', 'embed-worker')
        .href,
    ).toBe('file:///app/electron/services/embeddings/embed-worker.ts');
    expect(workerEntryUrl('file:///app/out/main/index.js', 'embed-worker').href).toBe(
      'file:///app/out/main/embed-worker.js',
    );
  });

  it('starts a .ts worker with the tsx loader and a .js worker with nothing', () => {
    const [flag, loader] = workerExecArgv(new URL('file:///app/w.ts'));
    expect(flag).toBe('--import');
    expect(loader).toMatch(/^file:\/\/.*node_modules\/tsx\//);
    expect(workerExecArgv(new URL('file:///app/out/main/w.js'))).toEqual([]);
  });
});

describe('a bundled worker', () => {
  let outDir: string;
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('runs from its built .js file with requests, progress and rebuilt errors', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'inloop-worker-build-'));
    await build({
      configFile: false,
      logLevel: 'silent',
      // Bundle the dependencies (zod), as the electron-vite main build does.
      ssr: { noExternal: true },
      build: {
        ssr: join(import.meta.dirname, 'fixtures/test-worker.ts'),
        outDir,
        emptyOutDir: true,
        rollupOptions: { output: { format: 'es', entryFileNames: 'test-worker.js' } },
      },
    });
    const worker = new WorkerClient<TestRequest, unknown, number>({
      name: 'bundled',
      entry: pathToFileURL(join(outDir, 'test-worker.js')),
    });
    try {
      const seen: number[] = [];
      expect(
        await worker.request({ kind: 'count', to: 3 }, { onProgress: (n) => seen.push(n) }),
      ).toBe(3);
      expect(seen).toEqual([1, 2, 3]);
      await expect(worker.request({ kind: 'app-error' })).rejects.toMatchObject({
        code: 'not_found',
      });
    } finally {
      await worker.close();
    }
  }, 30_000);
});
