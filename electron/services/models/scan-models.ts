/** What a models folder holds: the `<org>/<name>` folders with a config.json. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** What a models folder holds: `<org>/<name>` ids of folders with a config.json. */
export interface ModelsScan {
  dir: string;
  exists: boolean;
  models: readonly string[];
}

/** Every `<org>/<name>` folder under `dir` that holds a config.json, sorted. */
export async function scanModels(dir: string): Promise<ModelsScan> {
  const orgs = await subfolders(dir);
  if (orgs === null) return { dir, exists: false, models: [] };
  const found: string[] = [];
  for (const org of orgs) {
    for (const name of (await subfolders(join(dir, org))) ?? []) {
      if (await isFile(join(dir, org, name, 'config.json'))) found.push(`${org}/${name}`);
    }
  }
  return { dir, exists: true, models: found.sort() };
}

async function subfolders(dir: string): Promise<string[] | null> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return null;
  }
  const folders: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isDirectory()) folders.push(name);
  }
  return folders;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
