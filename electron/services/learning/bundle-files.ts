/**
 * Team bundles on disk: `inloop learn export` writes one (JSON lines, meta first, written
 * atomically); `inloop learn merge`, `inloop report --from` and the Team view read a folder of
 * them. A file that is not a bundle is skipped with the reason, never half-read.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { emptyMerge, mergeBundle, type MergedLearning } from '../../../shared/learning/team-merge';
import { teamReport } from '../../../shared/learning/team-report';
import { AppError } from '../../../shared/result';
import {
  BundleLineSchema,
  type BundleLine,
  type TeamReport,
} from '../../../shared/schemas/learning';
import { writeFileAtomic } from '../core/atomic-file';
import { describeZodError } from '../../../shared/zod-issues';

/** Writes `lines` as a bundle file. */
export async function writeBundle(path: string, lines: readonly BundleLine[]): Promise<void> {
  await writeFileAtomic(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
}

/** The lines of one bundle file, or why it is not one. */
export function parseBundle(text: string): BundleLine[] | string {
  const lines: BundleLine[] = [];
  const rows = text.split('\n');
  for (const [i, row] of rows.entries()) {
    if (row.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(row);
    } catch {
      return `line ${i + 1} is not JSON`;
    }
    const parsed = BundleLineSchema.safeParse(raw);
    if (!parsed.success) return `line ${i + 1}: ${describeZodError(parsed.error)}`;
    lines.push(parsed.data);
  }
  if (lines[0]?.kind !== 'meta') return 'not a bundle: the first line is not its meta line';
  return lines;
}

/** Reads and merges bundle files (`.jsonl`), skipping what is not a bundle. */
export async function mergeBundleFiles(
  files: readonly string[],
): Promise<{ merged: MergedLearning; skipped: TeamReport['skipped'] }> {
  const merged = emptyMerge();
  const skipped: TeamReport['skipped'] = [];
  for (const file of files) {
    const parsed = parseBundle(await readFile(file, 'utf8'));
    if (typeof parsed === 'string') skipped.push({ file, problem: parsed });
    else mergeBundle(merged, parsed);
  }
  return { merged, skipped };
}

/** Every `.jsonl` file of `dir` (sorted); a clear error when `dir` is not a folder. */
export async function bundleFilesIn(dir: string): Promise<string[]> {
  const path = resolve(dir);
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory())
    throw new AppError('not_found', `${dir} is not a folder of team bundles (it does not exist)`);
  const names = (await readdir(path)).filter((n) => n.endsWith('.jsonl')).sort();
  return names.map((n) => join(path, n));
}

/** The team report over the bundles of `dir`. */
export async function teamReportOf(dir: string): Promise<TeamReport> {
  const { merged, skipped } = await mergeBundleFiles(await bundleFilesIn(dir));
  return teamReport(merged, skipped);
}
