/** The files of a model folder, as relative forward-slash paths. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every regular file under `dir`, sorted, skipping dot entries (`.git`, `.inloop-model.json`,
 * staging leftovers). An empty list when the folder does not exist.
 */
export async function listFolderFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(dir, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  await walk('');
  return found.sort();
}
