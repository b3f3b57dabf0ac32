/**
 * models/manifest.json: the models Inloop uses by default and the files each one needs.
 * A file is either its path, or `{ path, sha256?, size? }` once its bytes are pinned.
 * Parsing normalises both forms to {@link ManifestFile}.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/result';
import { isModelId } from './model-id';

/** A relative path inside a model folder, with forward slashes and no `..`. */
export function isModelFilePath(value: string): boolean {
  if (value === '' || value.startsWith('/') || value.includes('\\')) return false;
  return value.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

const FilePath = z.string().refine(isModelFilePath, 'a relative path inside the model folder');
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256');

/** One file of a model; `sha256` and `size` once they are pinned. */
export interface ManifestFile {
  path: string;
  sha256?: string | undefined;
  size?: number | undefined;
}

const ManifestFileSchema = z.union([
  FilePath.transform((path): ManifestFile => ({ path })),
  z
    .strictObject({
      path: FilePath,
      sha256: Sha256.optional(),
      size: z.number().int().nonnegative().optional(),
    })
    .transform((file): ManifestFile => file),
]);

const ManifestModelSchema = z.strictObject({
  id: z.string().refine(isModelId, 'an <org>/<name> model id'),
  role: z.enum(['embedding', 'speech']),
  task: z.string().min(1),
  dtype: z.string().min(1),
  revision: z.string().min(1),
  /** Other ids this model's config.json `_name_or_path` may carry (its upstream). */
  aliases: z.array(z.string().refine(isModelId)).optional(),
  files: z.array(ManifestFileSchema).min(1),
});

export const ModelManifestSchema = z.strictObject({ models: z.array(ManifestModelSchema) });

export type ModelManifest = z.infer<typeof ModelManifestSchema>;
export type ManifestModel = ModelManifest['models'][number];

/** The manifest shipped with the app: `<appRoot>/models/manifest.json`. */
export function defaultManifestPath(appRoot: string): string {
  return join(appRoot, 'models', 'manifest.json');
}

/** Parses a manifest; an `invalid_request` error names the first problem. */
export function parseManifest(json: unknown, source = 'manifest'): ModelManifest {
  const parsed = ModelManifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || '(root)';
  throw new AppError('invalid_request', `${source}: ${where}: ${issue?.message ?? 'invalid'}`);
}

export async function readManifest(path: string): Promise<ModelManifest> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new AppError('not_found', `cannot read the model manifest ${path}: ${String(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_request', `${path} is not JSON: ${(error as Error).message}`);
  }
  return parseManifest(json, path);
}

/** The manifest entry for exactly `id`. */
export function findManifestModel(manifest: ModelManifest, id: string): ManifestModel | undefined {
  return manifest.models.find((m) => m.id === id);
}

/** The manifest entry whose id or alias is `nameOrPath` (a config.json `_name_or_path`). */
export function manifestModelNamed(
  manifest: ModelManifest,
  nameOrPath: string,
): ManifestModel | undefined {
  return (
    findManifestModel(manifest, nameOrPath) ??
    manifest.models.find((m) => m.aliases?.includes(nameOrPath))
  );
}
