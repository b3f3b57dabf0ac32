/**
 * Builds the preload with the project's electron.vite.config.ts and runs the bundle the
 * way a sandboxed renderer does: one script, a `require` that only knows `electron`, no
 * Node globals. If the bundle grows a second chunk, an ESM import, or a Node dependency,
 * the overlay would load without `window.inloop`; this test fails first.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { resolveConfig } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InloopApi } from '../../../../../shared/api';
import { FakeContextBridge, FakeIpcRenderer } from '../../../../electron-mock';

const root = resolve(import.meta.dirname, '../../../../..');
let outDir: string;
let files: string[];
let code: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'inloop-preload-'));
  const nodeEnv = process.env.NODE_ENV;
  try {
    const resolved = await resolveConfig(
      { root, logLevel: 'silent', build: { outDir } },
      'build',
      'production',
    );
    const preload = resolved.config?.preload;
    if (!preload) throw new Error('electron.vite.config.ts has no preload section');
    await build(preload);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  files = await readdir(join(outDir, 'preload'), { recursive: true });
  code = await readFile(join(outDir, 'preload', 'index.cjs'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('the preload bundle', () => {
  it('is a single CommonJS file', () => {
    expect(files).toEqual(['index.cjs']);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('requires nothing but electron', () => {
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });

  it('exposes a working window.inloop when run with only a sandboxed require', async () => {
    const bridge = new FakeContextBridge();
    const ipc = new FakeIpcRenderer();
    ipc.answer = async (channel) => ({ ok: true, value: { channel } });
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return { contextBridge: bridge, ipcRenderer: ipc };
      throw new Error(`module not found: ${id}`);
    };
    runInNewContext(
      `(function (require) {\n${code}\n})`,
      {},
      { filename: 'index.cjs' },
    )(sandboxRequire);

    expect([...bridge.exposed.keys()]).toEqual(['inloop']);
    const api = bridge.exposed.get('inloop') as InloopApi;
    await expect(api.capture.setPaused({ paused: true })).resolves.toEqual({
      ok: true,
      value: { channel: 'capture:set-paused' },
    });
  });
});
