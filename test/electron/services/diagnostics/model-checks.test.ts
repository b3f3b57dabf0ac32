import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  modelCheck,
  modelsChecks,
  modelsDirCheck,
} from '../../../../electron/services/diagnostics/model-checks';
import type { ModelsScan } from '../../../../electron/services/models/scan-models';
import {
  DEFAULT_ASR_MODEL,
  DEFAULT_EMBED_MODEL,
  wantedModel,
} from '../../../../electron/services/models/wanted-model';

const scan = (models: string[], exists = true): ModelsScan => ({ dir: '/m', exists, models });

describe('wantedModel', () => {
  it('uses the defaults when the variables are unset or blank', () => {
    expect(wantedModel('embedding', {})).toEqual({
      kind: 'model',
      id: 'Xenova/all-MiniLM-L6-v2',
      envVar: 'INLOOP_EMBED_MODEL',
      fromEnv: false,
    });
    expect(wantedModel('speech', { INLOOP_ASR_MODEL: '  ' })).toMatchObject({
      id: 'Xenova/whisper-tiny.en',
      fromEnv: false,
    });
  });

  it('honours the overrides, and none in any case turns the model off', () => {
    expect(
      wantedModel('embedding', { INLOOP_EMBED_MODEL: 'inloop-test/minilm-tiny-random' }),
    ).toMatchObject({ id: 'inloop-test/minilm-tiny-random', fromEnv: true });
    expect(wantedModel('speech', { INLOOP_ASR_MODEL: 'None' })).toEqual({
      kind: 'none',
      envVar: 'INLOOP_ASR_MODEL',
    });
  });
});

describe('models checks', () => {
  it('lists the models a folder holds', () => {
    expect(modelsDirCheck(scan(['a/b', 'c/d']))).toMatchObject({
      id: 'models-dir',
      verdict: 'ok',
      detail: '/m: a/b, c/d',
    });
    expect(modelsDirCheck(scan([])).detail).toBe('/m: no models yet');
  });

  it('warns about a missing models folder, naming the import command and INLOOP_MODELS_DIR', () => {
    const check = modelsDirCheck(scan([], false));
    expect(check).toMatchObject({ verdict: 'warn', detail: '/m does not exist' });
    expect(check.fix).toMatch(/inloop models import <dir>/);
    expect(check.fix).toMatch(/INLOOP_MODELS_DIR/);
  });

  it('passes the default models when present', () => {
    const checks = modelsChecks(scan([DEFAULT_EMBED_MODEL, DEFAULT_ASR_MODEL]), {});
    expect(checks.map((c) => [c.id, c.verdict])).toEqual([
      ['models-dir', 'ok'],
      ['embedding-model', 'ok'],
      ['speech-model', 'ok'],
    ]);
    expect(checks[1]!.detail).toBe('Xenova/all-MiniLM-L6-v2 present');
  });

  it('warns about a missing model, with the fix and the way to run without it', () => {
    const embedding = modelCheck('embedding', scan(['inloop-test/minilm-tiny-random']), {});
    expect(embedding).toMatchObject({
      verdict: 'warn',
      detail: 'Xenova/all-MiniLM-L6-v2 not found in /m',
    });
    expect(embedding.fix).toMatch(/inloop models import <dir>/);
    expect(embedding.fix).toMatch(/INLOOP_MODELS_DIR/);
    expect(embedding.fix).toMatch(/INLOOP_EMBED_MODEL=none for lexical mode/);
    const speech = modelCheck('speech', scan([], false), {});
    expect(speech.fix).toMatch(/INLOOP_ASR_MODEL=none/);
  });

  it('checks the model the environment names instead of the default', () => {
    const env = { INLOOP_EMBED_MODEL: 'inloop-test/minilm-tiny-random' };
    expect(modelCheck('embedding', scan(['inloop-test/minilm-tiny-random']), env)).toMatchObject({
      verdict: 'ok',
      detail: 'inloop-test/minilm-tiny-random (from INLOOP_EMBED_MODEL) present',
    });
    expect(modelCheck('embedding', scan([DEFAULT_EMBED_MODEL]), env).verdict).toBe('warn');
  });

  it('says so when a model is turned off with none', () => {
    expect(modelCheck('embedding', scan([]), { INLOOP_EMBED_MODEL: 'none' })).toMatchObject({
      verdict: 'ok',
      detail: expect.stringMatching(/INLOOP_EMBED_MODEL=none \(lexical mode/),
    });
    expect(modelCheck('speech', scan([]), { INLOOP_ASR_MODEL: 'none' }).detail).toMatch(
      /speech recognition off/,
    );
  });
});

describe('models/manifest.json', () => {
  it('lists the default models the doctor looks for, each with its files', async () => {
    const manifest = JSON.parse(
      await readFile(join(import.meta.dirname, '../../../../models/manifest.json'), 'utf8'),
    ) as { models: Array<{ id: string; task: string; dtype: string; files: string[] }> };
    const byId = new Map(manifest.models.map((m) => [m.id, m]));
    expect(byId.get(DEFAULT_EMBED_MODEL)?.task).toBe('feature-extraction');
    expect(byId.get(DEFAULT_ASR_MODEL)?.task).toBe('automatic-speech-recognition');
    for (const model of manifest.models) {
      expect(model.files).toContain('config.json');
      expect(model.files.some((f) => f.startsWith('onnx/') && f.endsWith('.onnx'))).toBe(true);
    }
  });
});
