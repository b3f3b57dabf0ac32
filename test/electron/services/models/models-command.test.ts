import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../electron/services/core/cli/command';
import { modelsCommand } from '../../../../electron/services/models/cli/models-command';
import { runCli } from '../../../../electron/hosts/cli/run-cli';
import { closedPort } from './fake-hub';
import { cleanup, hasTinyModel, tempDir, tinyModelDir, TINY_MODEL } from './model-fixtures';

afterEach(cleanup);

async function inloop(argv: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    cwd: '/tmp',
    isTty: false,
  };
  const code = await runCli(argv, [modelsCommand], '0.0.0', io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('inloop models', () => {
  it('list --json shows the manifest models as not installed in an empty folder', async () => {
    const modelsDir = await tempDir();
    const { code, out } = await inloop(['models', 'list', '--json'], {
      INLOOP_MODELS_DIR: modelsDir,
    });
    expect(code).toBe(0);
    const listed = JSON.parse(out) as {
      modelsDir: string;
      models: { id: string; present: boolean }[];
    };
    expect(listed.modelsDir).toBe(modelsDir);
    expect(listed.models.map((m) => [m.id, m.present])).toEqual([
      ['Xenova/all-MiniLM-L6-v2', false],
      ['Xenova/whisper-tiny.en', false],
    ]);
  });

  it.skipIf(!hasTinyModel())('import installs a folder, and list then shows it', async () => {
    const modelsDir = await tempDir();
    const env = { INLOOP_MODELS_DIR: modelsDir };
    const imported = await inloop(['models', 'import', tinyModelDir], env);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`installed ${TINY_MODEL}`);
    const listed = await inloop(['models', 'list'], env);
    expect(listed.out).toMatch(
      new RegExp(`${TINY_MODEL}\\s+-\\s+installed, verified\\s+6\\.1 MB\\s+imported`),
    );
  });

  it('fetch fails fast with the offline fix when the hub is unreachable (--endpoint)', async () => {
    const { code, err } = await inloop(
      [
        'models',
        'fetch',
        'Xenova/all-MiniLM-L6-v2',
        '--endpoint',
        `http://127.0.0.1:${await closedPort()}`,
      ],
      { INLOOP_MODELS_DIR: await tempDir() },
    );
    expect(code).toBe(1);
    expect(err).toMatch(/connection was refused .*inloop models import <dir>.*\[unavailable\]/);
  }, 10_000);

  it('fetch honours HF_ENDPOINT', async () => {
    const { code, err } = await inloop(['models', 'fetch', 'Xenova/all-MiniLM-L6-v2'], {
      INLOOP_MODELS_DIR: await tempDir(),
      HF_ENDPOINT: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(code).toBe(1);
    expect(err).toContain('cannot reach http://127.0.0.1:');
  }, 10_000);

  it('fetch refuses an id that is not <org>/<name>', async () => {
    const { code, err } = await inloop(['models', 'fetch', '../etc'], {
      INLOOP_MODELS_DIR: await tempDir(),
    });
    expect(code).toBe(1);
    expect(err).toContain("'../etc' is not a model id");
  });

  it('import without a folder is a usage error', async () => {
    const { code } = await inloop(['models', 'import'], {});
    expect(code).toBe(2);
  });
});
