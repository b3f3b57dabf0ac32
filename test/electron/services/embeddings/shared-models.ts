/** Where the shared random-weight test models are: `../shared/models` beside the repo. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const sharedModelsDir = fileURLToPath(
  new URL('../../../../../shared/models', import.meta.url),
);
export const TINY_MODEL = 'inloop-test/minilm-tiny-random';

/** True when the tiny model is there; otherwise says why the suite is skipped. */
export function hasSharedModel(id = TINY_MODEL): boolean {
  const present = existsSync(`${sharedModelsDir}/${id}/config.json`);
  if (!present) console.warn(`skipped: ${id} not found in ${sharedModelsDir} (../shared/models)`);
  return present;
}
