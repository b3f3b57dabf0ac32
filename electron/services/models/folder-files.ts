/** The files of a model folder, as relative forward-slash paths. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every regular file under `dir`, sorted, skipping dot entries (`.git`, `.inloop-model.json`,
 * staging leftovers). Symbolic links to files count as files: a Hugging Face cache snapshot
 * (`~/.cache/huggingface/hub/models--org--name/snapshots/<commit>/`) is made of them. An
 * empty list when the folder does not exist.
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
      else if (entry.isSymbolicLink() && (await isLinkToFile(join(dir, path)))) found.push(path);
    }
  };
  await walk('');
  return found.sort();
}

async function isLinkToFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
