/** `inloop pack import-zendesk`: writes a Zendesk Help Center export into a pack source folder. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ImportSummary } from './import-summary';
import { planZendeskImport } from './zendesk-articles';

/**
 * Import a Zendesk Help Center articles export (JSON text) into the pack source folder
 * `outDir`: one `articles/<section>/<slug>-<id>.html` per published article, with front
 * matter. Drafts, empty articles and older duplicates are skipped and listed. Re-importing
 * the same export overwrites the same files.
 */
export async function importZendeskArticles(
  exportJson: string,
  outDir: string,
  exportName = 'export.json',
): Promise<ImportSummary> {
  const plan = planZendeskImport(exportJson, exportName);
  const written: string[] = [];
  for (const file of plan.files) {
    const target = join(outDir, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content, 'utf8');
    written.push(file.path);
  }
  return { written, skipped: plan.skipped, problems: plan.problems };
}
