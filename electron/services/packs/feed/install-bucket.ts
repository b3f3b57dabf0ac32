/**
 * This install's rollout bucket: a random id made once per data folder (`install-id`), and
 * from it a number 0-99 that never changes. A version at rollout R reaches the devices whose
 * bucket is below R, so a device in at 20 % stays in at 50 %. The id never leaves the device.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const INSTALL_ID_FILE = 'install-id';

/** The bucket of an install id. Pure. */
export function bucketOf(installId: string): number {
  return createHash('sha256').update(installId).digest().readUInt32BE(0) % 100;
}

/** This data folder's install id, made on first use (two processes racing agree on one). */
export async function installId(dataDir: string): Promise<string> {
  const path = join(dataDir, INSTALL_ID_FILE);
  const read = async () => (await readFile(path, 'utf8')).trim();
  try {
    const id = await read();
    if (/^[0-9a-f]{32}$/.test(id)) return id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomBytes(16).toString('hex');
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(`${id}\n`);
    await handle.sync();
    await handle.close();
    return id;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw error;
  }
}
