/**
 * One writer at a time for the packs folder, across processes (the app and the CLI):
 * an exclusive lock file holding the owner's pid. A lock left by a dead process is taken over.
 */
import { open, readFile, rm } from 'node:fs/promises';
import { AppError } from '../../../../shared/result';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function withStoreLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new AppError(
            'conflict',
            'another Inloop process is changing the installed packs; try again when it is done',
          );
        }
        throw error;
      }
      const owner = Number(await readFile(lockPath, 'utf8').catch(() => 'NaN'));
      if (Number.isInteger(owner) && owner > 0 && alive(owner) && owner !== process.pid) {
        throw new AppError(
          'conflict',
          `another Inloop process (pid ${owner}) is changing the installed packs; try again when it is done`,
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
}
