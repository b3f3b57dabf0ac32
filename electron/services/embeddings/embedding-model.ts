/**
 * Which embedding model this device uses, and whether it is there: the decision both
 * `createEmbedder` and `inloop doctor` make, so the two never disagree. It checks files only
 * (no model load, no network).
 */
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { wantedModel } from '../models/wanted-model';
import { encoderWeightsFile } from '../models/model-files';
import { isModelId, modelFolder } from '../models/model-id';

export type EmbeddingModelChoice =
  | { kind: 'model'; id: string; folder: string; dtype: string; fromEnv: boolean }
  | {
      kind: 'lexical';
      cause: 'disabled' | 'invalid-id' | 'missing';
      /** What was wanted, when a model was. */
      id: string | null;
      /** Why there are no embeddings, without the fix. */
      reason: string;
      /** What to do for hybrid search; null when lexical was asked for. */
      fix: string | null;
    };

/** The fix for a model that is not on this device. */
export function missingModelFix(id: string): string {
  return `run \`inloop models fetch ${id}\`, or \`inloop models import <dir>\` on an offline machine`;
}

/** The files a local feature-extraction model needs for `dtype`. */
export function embeddingModelFiles(dtype: string): string[] {
  return ['config.json', 'tokenizer.json', encoderWeightsFile(dtype) ?? 'onnx/model.onnx'];
}

export async function resolveEmbeddingModel(
  modelsDir: string,
  env: NodeJS.ProcessEnv,
  dtype = 'q8',
): Promise<EmbeddingModelChoice> {
  const wanted = wantedModel('embedding', env);
  if (wanted.kind === 'none') {
    return {
      kind: 'lexical',
      cause: 'disabled',
      id: null,
      reason: 'INLOOP_EMBED_MODEL=none',
      fix: null,
    };
  }
  const { id } = wanted;
  if (!isModelId(id)) {
    return {
      kind: 'lexical',
      cause: 'invalid-id',
      id,
      reason: `INLOOP_EMBED_MODEL='${id}' is not a model id`,
      fix: 'set INLOOP_EMBED_MODEL to an <org>/<name> id, or to none for lexical search',
    };
  }
  const folder = modelFolder(modelsDir, id);
  for (const file of embeddingModelFiles(dtype)) {
    const there = await access(join(folder, file)).then(
      () => true,
      () => false,
    );
    if (!there) {
      return {
        kind: 'lexical',
        cause: 'missing',
        id,
        reason: `embedding model ${id} is not installed (${folder}/${file} is missing)`,
        fix: missingModelFix(id),
      };
    }
  }
  return { kind: 'model', id, folder, dtype, fromEnv: wanted.fromEnv };
}
