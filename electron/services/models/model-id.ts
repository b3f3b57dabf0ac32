/**
 * Model ids are Hugging Face ids, `<org>/<name>`, and double as the folder under the models
 * folder. Pure: validation and the folder a valid id maps to.
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/result';

const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** True for `<org>/<name>` where each part is a plain folder name (no `..`, no slashes). */
export function isModelId(value: string): boolean {
  const parts = value.split('/');
  return parts.length === 2 && parts.every((p) => SEGMENT.test(p) && !p.includes('..'));
}

/** The id, or an `invalid_request` error that says what a model id looks like. */
export function checkModelId(value: string): string {
  if (!isModelId(value)) {
    throw new AppError(
      'invalid_request',
      `'${value}' is not a model id: expected <org>/<name>, e.g. Xenova/all-MiniLM-L6-v2`,
    );
  }
  return value;
}

/** `<modelsDir>/<org>/<name>`; the id must be valid. */
export function modelFolder(modelsDir: string, id: string): string {
  const [org, name] = checkModelId(id).split('/') as [string, string];
  return join(modelsDir, org, name);
}
