/** The real doctor against real folders: temp dirs, the shared test models, real files. */
import { chmod, mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DoctorReportSchema, type DoctorReport } from '../../../../shared/schemas/diagnostics';
import { runDoctor, type DoctorContext } from '../../../../electron/services/diagnostics/doctor';
import { probeDataDir } from '../../../../electron/services/diagnostics/machine-facts';
import { scanModels } from '../../../../electron/services/models/scan-models';
import { createMemorySecretStore } from '../../../../electron/services/secrets/memory-secret-store';

/** The random-weight test models beside the repository (`inloop-test/*`). */
const sharedModels = join(import.meta.dirname, '../../../../../shared/models');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-doctor-'));
});
afterEach(async () => {
  await chmod(dir, 0o700).catch(() => {});
  for (const entry of await readdir(dir)) await chmod(join(dir, entry), 0o700).catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

/** A folder this process cannot write: a 0555 temp folder, or /sys where root bypasses modes. */
async function unwritableDir(): Promise<string | null> {
  const readOnly = join(dir, 'read-only');
  await mkdir(readOnly);
  await chmod(readOnly, 0o555);
  const refuses = (folder: string) =>
    writeFile(join(folder, '.inloop-write-test'), '').then(
      () => rm(join(folder, '.inloop-write-test')).then(() => false),
      () => true,
    );
  if (await refuses(readOnly)) return readOnly;
  if (process.platform === 'linux' && (await refuses('/sys'))) return '/sys';
  return null;
}

async function doctor(overrides: Partial<DoctorContext> = {}): Promise<DoctorReport> {
  const report = await runDoctor({
    dataDir: join(dir, 'data'),
    modelsDir: sharedModels,
    secretStore: createMemorySecretStore(),
    env: {},
    ...overrides,
  });
  return DoctorReportSchema.parse(report);
}

const byId = (report: DoctorReport, id: string) => {
  const check = report.checks.find((c) => c.id === id);
  if (!check) throw new Error(`no ${id} check in ${report.checks.map((c) => c.id).join(', ')}`);
  return check;
};

describe('runDoctor', () => {
  it('returns every check, in order, valid against the contract', async () => {
    const report = await doctor();
    expect(report.checks.map((c) => c.id)).toEqual([
      'node',
      'electron',
      'data-dir',
      'models-dir',
      'embedding-model',
      'speech-model',
      'retrieval-mode',
      'keychain',
      'chromium',
    ]);
    expect(byId(report, 'node').verdict).toBe('ok');
  });

  it('creates a missing data folder and proves it writable, leaving no probe file', async () => {
    const dataDir = join(dir, 'nested', 'data');
    const check = byId(await doctor({ dataDir }), 'data-dir');
    expect(check).toMatchObject({ verdict: 'ok', detail: `${dataDir} (created, writable)` });
    expect((await stat(dataDir)).isDirectory()).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('passes an existing writable data folder', async () => {
    const check = byId(await doctor({ dataDir: dir }), 'data-dir');
    expect(check).toMatchObject({ verdict: 'ok', detail: `${dir} (writable)` });
  });

  it('fails a data folder it cannot write', async () => {
    const readOnly = await unwritableDir();
    if (!readOnly) throw new Error('no unwritable folder on this machine to test with');
    const check = byId(await doctor({ dataDir: readOnly }), 'data-dir');
    expect(check.verdict).toBe('fail');
    expect(check.detail).toMatch(new RegExp(`^${readOnly} is not writable: E`));
    expect(check.fix).toMatch(/INLOOP_DATA_DIR/);
  });

  it('fails a data folder that cannot be created', async () => {
    await writeFile(join(dir, 'a-file'), '');
    const check = byId(await doctor({ dataDir: join(dir, 'a-file', 'data') }), 'data-dir');
    expect(check).toMatchObject({ verdict: 'fail' });
    expect(check.detail).toMatch(/cannot be created: ENOTDIR/);
  });

  it('finds the shared test models and the ones the environment asks for', async () => {
    const report = await doctor({
      env: {
        INLOOP_EMBED_MODEL: 'inloop-test/minilm-tiny-random',
        INLOOP_ASR_MODEL: 'inloop-test/whisper-tiny-random',
      },
    });
    expect(byId(report, 'models-dir')).toMatchObject({
      verdict: 'ok',
      detail: expect.stringContaining('inloop-test/minilm-tiny-random'),
    });
    expect(byId(report, 'embedding-model')).toMatchObject({ verdict: 'ok' });
    expect(byId(report, 'speech-model')).toMatchObject({ verdict: 'ok' });
  });

  it('warns that the default models are missing from the test models folder', async () => {
    const report = await doctor();
    const embedding = byId(report, 'embedding-model');
    expect(embedding).toMatchObject({
      verdict: 'warn',
      detail: `Xenova/all-MiniLM-L6-v2 not found in ${sharedModels}`,
    });
    expect(embedding.fix).toMatch(/inloop models import <dir>/);
    expect(byId(report, 'speech-model').detail).toMatch(/^Xenova\/whisper-tiny\.en not found/);
  });

  it('says lexical mode when INLOOP_EMBED_MODEL=none', async () => {
    const report = await doctor({ env: { INLOOP_EMBED_MODEL: 'none' } });
    expect(byId(report, 'embedding-model')).toMatchObject({
      verdict: 'ok',
      detail: expect.stringMatching(/lexical mode/),
    });
  });

  it('warns about a models folder that does not exist', async () => {
    const check = byId(await doctor({ modelsDir: join(dir, 'no-models') }), 'models-dir');
    expect(check).toMatchObject({
      verdict: 'warn',
      detail: `${join(dir, 'no-models')} does not exist`,
    });
  });

  it('reports the keychain through the secret store, with the reason it is unavailable', async () => {
    const up = await doctor({ secretStore: createMemorySecretStore({ backend: 'test keychain' }) });
    expect(byId(up, 'keychain')).toMatchObject({
      verdict: 'ok',
      detail: 'test keychain available',
    });
    const down = await doctor({
      secretStore: createMemorySecretStore({ available: false, backend: 'test keychain' }),
    });
    expect(byId(down, 'keychain')).toMatchObject({
      verdict: 'warn',
      detail: expect.stringMatching(/test keychain not available \(disabled by the test\)/),
      fix: expect.stringMatching(/Secret Service|Keychain|Credential Manager/),
    });
  });

  it('checks the Chromium INLOOP_CHROMIUM names: executable passes, a plain file warns', async () => {
    const runnable = join(dir, 'chromium');
    const plain = join(dir, 'chromium.txt');
    await writeFile(runnable, '#!/bin/sh\n', { mode: 0o755 });
    await writeFile(plain, 'not a program', { mode: 0o644 });
    const ok = byId(await doctor({ env: { INLOOP_CHROMIUM: runnable } }), 'chromium');
    expect(ok).toMatchObject({ verdict: 'ok', detail: `${runnable} (INLOOP_CHROMIUM)` });
    const warn = byId(await doctor({ env: { INLOOP_CHROMIUM: plain } }), 'chromium');
    expect(warn).toMatchObject({ verdict: 'warn', fix: expect.stringMatching(/system-deps\.sh/) });
    const missing = byId(await doctor({ env: { INLOOP_CHROMIUM: join(dir, 'nope') } }), 'chromium');
    expect(missing.verdict).toBe('warn');
  });

  it('reports the Electron the host says is running', async () => {
    const check = byId(await doctor({ electronVersion: '45.4.1' }), 'electron');
    expect(check).toMatchObject({ verdict: 'ok', detail: 'Electron 45.4.1 (running)' });
  });
});

describe('machine facts', () => {
  it('scans <org>/<name> folders holding a config.json, ignoring everything else', async () => {
    const models = join(dir, 'models');
    const make = async (path: string, file?: string) => {
      await mkdir(join(models, path), { recursive: true });
      if (file) await writeFile(join(models, path, file), '{}');
    };
    await make('Xenova/all-MiniLM-L6-v2', 'config.json');
    await make('org/no-config', 'tokenizer.json');
    await make('.cache/hidden', 'config.json');
    await make('loose', 'config.json');
    await writeFile(join(models, 'README.md'), '');
    expect(await scanModels(models)).toEqual({
      dir: models,
      exists: true,
      models: ['Xenova/all-MiniLM-L6-v2'],
    });
    expect((await scanModels(join(dir, 'absent'))).exists).toBe(false);
  });

  it('refuses a data "folder" that is a file', async () => {
    await writeFile(join(dir, 'file'), '');
    expect(await probeDataDir(join(dir, 'file'))).toMatchObject({ writable: false, existed: true });
  });
});
