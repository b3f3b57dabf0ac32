/** What `inloop pack build` prints when it is done, and when the source has problems. */
import type { PackManifest, PackProblem } from '../../../../shared/packs/pack-schemas';

/** The summary of a finished build, as JSON (`--json`) and as lines a team lead reads. */
export interface BuildSummary {
  readonly out: string;
  readonly pack: PackManifest['pack'];
  readonly counts: PackManifest['counts'];
  readonly embedding: PackManifest['embedding'];
  /** Why the pack is lexical only, when it is. */
  readonly lexicalReason: string | null;
  readonly bytes: number;
  readonly signedBy: string | null;
  /** Counts of the team's ranking (`ranking.yaml`) the pack carries. */
  readonly ranking: number;
}

/** `file:line: message`, the form editors and CI logs link to. */
export function formatProblem(problem: PackProblem): string {
  return `${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`;
}

/** Every problem, one a line, then what happened. */
export function formatProblems(problems: readonly PackProblem[]): string {
  const n = problems.length;
  return `${[...problems.map(formatProblem), `${n} problem${n === 1 ? '' : 's'}: no pack was written`].join('\n')}\n`;
}

/** Every warning, one a line: `warning: file:line: message` (empty for none). */
export function formatWarnings(warnings: readonly PackProblem[]): string {
  return warnings.map((w) => `warning: ${formatProblem(w)}\n`).join('');
}

/** A byte count as people read it: 812 B, 41.3 KB, 12.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

export function formatBuildSummary(summary: BuildSummary): string {
  const { pack, counts, embedding } = summary;
  const rows: [string, string][] = [
    ['articles', String(counts.articles)],
    ['passages', String(counts.passages)],
    ['responses', String(counts.responses)],
    ['intents', String(counts.intents)],
    ['rules', String(counts.rules)],
    ...(summary.ranking > 0
      ? [['team ranking', `${summary.ranking} counts (ranking.yaml)`] as [string, string]]
      : []),
    [
      'embedding',
      embedding
        ? `${embedding.model} (${embedding.dimension} dimensions)`
        : `lexical only: no embedding model${summary.lexicalReason ? ` (${summary.lexicalReason})` : ''}`,
    ],
    ['size', formatBytes(summary.bytes)],
    [
      'signed by',
      summary.signedBy ?? 'nobody: unsigned, installs only where settings allow unsigned packs',
    ],
  ];
  return `${[
    `Built ${pack.id} ${pack.version} (${pack.name}, ${pack.publisher}) into ${summary.out}`,
    ...rows.map(([k, v]) => `  ${k.padEnd(10)} ${v}`),
  ].join('\n')}\n`;
}
