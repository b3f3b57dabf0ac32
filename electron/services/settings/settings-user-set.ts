/**
 * The settings fields the user set themselves (`section.field`), kept beside the settings file:
 * a policy default applies to a field only until the user sets it (settings-policy.ts). A
 * missing or unreadable file means none: policy defaults apply, nothing is lost.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../core/atomic-file';

export const USER_SET_FILE = 'settings.user-set.json';

const UserSetSchema = z.object({ fields: z.array(z.string().max(200)).max(1000) });

export async function loadUserSet(dataDir: string): Promise<Set<string>> {
  try {
    const parsed = UserSetSchema.safeParse(
      JSON.parse(await readFile(join(dataDir, USER_SET_FILE), 'utf8')),
    );
    return new Set(parsed.success ? parsed.data.fields : []);
  } catch {
    return new Set();
  }
}

export function saveUserSet(dataDir: string, fields: ReadonlySet<string>): Promise<void> {
  const text = `${JSON.stringify({ fields: [...fields].sort() }, null, 2)}\n`;
  return writeFileAtomic(join(dataDir, USER_SET_FILE), text);
}
