/**
 * Installing uploaded bytes (the browser host has no path to give): the bytes go to a private
 * temp file in `<data>/uploads/`, which is removed whatever the install does.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Runs `work` on a temp file holding `bytesBase64`. */
export async function withUploadedFile<T>(
  dataDir: string,
  bytesBase64: string,
  work: (path: string) => Promise<T>,
): Promise<T> {
  const folder = join(dataDir, 'uploads');
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const path = join(folder, `${randomBytes(8).toString('hex')}.inloop`);
  try {
    await writeFile(path, Buffer.from(bytesBase64, 'base64'), { mode: 0o600 });
    return await work(path);
  } finally {
    await rm(path, { force: true });
  }
}
