/** `inloop pack import-macros`: adds macros from a CSV to a pack source's responses.yaml. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomic-file';
import type { ImportSummary } from './import-summary';
import { macrosFromCsv } from './macros-csv';
import { mergeResponses } from './merge-responses';

/**
 * Import macros from CSV text into `<outDir>/responses.yaml`, merging with the responses
 * already there. The file is replaced atomically, so an interrupted import never leaves a
 * half-written responses.yaml.
 */
export async function importMacrosCsv(
  csvText: string,
  outDir: string,
  csvName = 'macros.csv',
): Promise<ImportSummary> {
  const macros = macrosFromCsv(csvText, csvName);
  const path = join(outDir, 'responses.yaml');
  const existing = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const merged = mergeResponses(existing, macros.rows);
  if (merged.text !== null) await writeFileAtomic(path, merged.text);
  return {
    written: merged.text !== null ? ['responses.yaml'] : [],
    skipped: [...macros.skipped, ...merged.skipped],
    problems: [...macros.problems, ...merged.problems],
  };
}
