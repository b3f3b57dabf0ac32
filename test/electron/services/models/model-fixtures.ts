/**
 * Fixtures for the model-manager tests: the shared tiny test model (../shared/models), its
 * published sha256 pins (../shared/models/manifest.json), temp folders, and a manifest that
 * lists the tiny model so the "known id" paths can be exercised with real bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ModelManifest } from '../../../../electron/services/models/model-manifest';
import { sharedModelsDir, TINY_MODEL } from '../embeddings/shared-models';

export { sharedModelsDir, TINY_MODEL };
export const tinyModelDir = join(sharedModelsDir, TINY_MODEL);

/** The files transformers.js needs for the tiny model in q8. */
export const TINY_Q8_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model_quantized.onnx',
];

/** `{ path: { bytes, sha256 } }` for the tiny model, as published beside it. */
export function tinyPins(): Record<string, { bytes: number; sha256: string }> {
  const manifest = JSON.parse(readFileSync(join(sharedModelsDir, 'manifest.json'), 'utf8')) as {
    'minilm-tiny-random': { files: Record<string, { bytes: number; sha256: string }> };
  };
  return manifest['minilm-tiny-random'].files;
}

/** A manifest listing the tiny model's q8 files, pinned with the published hashes when `pinned`. */
export function manifestWithTiny(pinned: boolean): ModelManifest {
  const pins = tinyPins();
  return {
    models: [
      {
        id: TINY_MODEL,
        role: 'embedding',
        task: 'feature-extraction',
        dtype: 'q8',
        revision: 'main',
        files: TINY_Q8_FILES.map((path) =>
          pinned ? { path, sha256: pins[path]!.sha256, size: pins[path]!.bytes } : { path },
        ),
      },
    ],
  };
}

export const emptyManifest: ModelManifest = { models: [] };

export function hasTinyModel(): boolean {
  const present = existsSync(join(tinyModelDir, 'config.json'));
  if (!present) console.warn(`skipped: ${TINY_MODEL} not found in ${sharedModelsDir}`);
  return present;
}

/** A fresh temp folder; `cleanup()` removes every one made. */
const made: string[] = [];
export async function tempDir(prefix = 'inloop-models-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
export async function cleanup(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}
