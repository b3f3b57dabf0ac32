/**
 * `inloop transcribe` through the real CLI runner: the real speech pipeline on the
 * random-weight test Whisper (structure of the output, never its words), and clear errors.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../../../electron/services/core/cli/command';
import { commands } from '../../../../../electron/hosts/cli/commands';
import { runCli } from '../../../../../electron/hosts/cli/run-cli';

const root = fileURLToPath(new URL('../../../../..', import.meta.url));
const modelsDir = join(root, '..', 'shared', 'models');
const fox = join(root, '..', 'shared', 'data', 'audio', 'espeak-fox-meeting-16k.wav');
const MODEL = 'inloop-test/whisper-tiny-random';
const present = existsSync(join(modelsDir, MODEL)) && existsSync(fox);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inloop-transcribe-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function transcribe(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { INLOOP_MODELS_DIR: modelsDir, INLOOP_ASR_MODEL: MODEL },
    cwd: root,
    isTty: false,
  };
  const code = await runCli(['transcribe', ...args], commands, '0.0.0', io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('inloop transcribe', () => {
  it.skipIf(!present)(
    'prints one JSON segment a line with speaker, start, end and text',
    async () => {
      const { code, out } = await transcribe(fox, '--json');
      expect(code).toBe(0);
      const segments = out
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(segments.length).toBeGreaterThan(0);
      for (const s of segments) {
        expect(Object.keys(s).sort()).toEqual(['end', 'speaker', 'start', 'text']);
        expect(s.speaker).toBe('customer');
        expect(s.end as number).toBeGreaterThan(s.start as number);
      }
    },
    120_000,
  );

  it('names a missing file', async () => {
    const { code, err } = await transcribe(join(dir, 'nope.wav'));
    expect(code).toBe(1);
    expect(err).toMatch(/nope\.wav: no such file/);
  });

  it('refuses a file that is not a WAV, and an unsupported one, saying why', async () => {
    const mp3 = join(dir, 'call.mp3');
    await writeFile(mp3, 'ID3\u0004\u0000 not a wav');
    const corrupt = await transcribe(mp3);
    expect(corrupt.code).toBe(1);
    expect(corrupt.err).toMatch(/Not a readable WAV file.*\[invalid_request\]/);
  });

  it('rejects a bad --speaker as a usage error', async () => {
    const { code, err } = await transcribe(fox, '--speaker', 'supervisor');
    expect(code).toBe(2);
    expect(err).toMatch(/--speaker must be agent or customer/);
  });
});
