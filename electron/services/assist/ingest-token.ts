/**
 * The ingest endpoint's per-install token. Kept in the OS keychain (secret `ingest-token`)
 * where one answers; otherwise in `ingest-token` in the data folder, readable by this user only
 * (0600), because the endpoint must keep working on machines without a Secret Service (VDI,
 * headless). Created on first use; `inloop assist --ingest-token` prints it for the connector.
 */
import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/atomic-file';
import type { SecretStore } from '../secrets/secret-store';

export const INGEST_TOKEN_FILE = 'ingest-token';

export interface IngestToken {
  readonly token: string;
  readonly storage: 'keychain' | 'file';
}

const fresh = () => randomBytes(24).toString('base64url');

/** This install's token, created on first use. */
export async function loadIngestToken(secrets: SecretStore, dataDir: string): Promise<IngestToken> {
  if (await secrets.available().catch(() => false)) {
    const stored = await secrets.get('ingest-token');
    if (stored) return { token: stored, storage: 'keychain' };
    const token = fresh();
    await secrets.set('ingest-token', token);
    return { token, storage: 'keychain' };
  }
  const path = join(dataDir, INGEST_TOKEN_FILE);
  try {
    const stored = (await readFile(path, 'utf8')).trim();
    if (stored.length >= 16) {
      await chmod(path, 0o600);
      return { token: stored, storage: 'file' };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const token = fresh();
  await writeFileAtomic(path, `${token}\n`);
  return { token, storage: 'file' };
}
