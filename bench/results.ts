/**
 * `bench/results/latest.json`: the rows of a run with when and where they were taken, so two
 * runs can be set side by side (`--compare <old.json>` prints new / old per row).
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../electron/services/core/atomic-file';
import { fmt, grid, type BenchRow } from './table';

export const RESULTS_DIR = join(import.meta.dirname, 'results');
export const LATEST = join(RESULTS_DIR, 'latest.json');

const PeerSchema = z.object({
  name: z.string(),
  value: z.number().nullable(),
  note: z.string().optional(),
});
const RowSchema = z.object({
  benchmark: z.string(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  target: z.object({ op: z.enum(['<=', '>=']), value: z.number() }).optional(),
  better: z.enum(['lower', 'higher']).optional(),
  peers: z.array(PeerSchema).optional(),
});
export const ResultsSchema = z.object({
  format: z.literal(1),
  at: z.string(),
  benchmarks: z.array(z.string()),
  machine: z.object({
    cpu: z.string(),
    cores: z.number(),
    memoryGiB: z.number(),
    node: z.string(),
    /** 1-minute load average at the start and the end: a loaded machine's figures are noisy. */
    load: z.tuple([z.number(), z.number()]),
  }),
  rows: z.array(RowSchema),
});
export type Results = z.infer<typeof ResultsSchema>;

/** What a results file says about the machine, with the load at the start of the run. */
export function machineFacts(loadAtStart: number): Results['machine'] {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    load: [loadAtStart, loadavg()[0]!],
  };
}

export async function writeResults(path: string, results: Results): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(ResultsSchema.parse(results), null, 2)}\n`);
}

export async function readResults(path: string): Promise<Results> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read bench results ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = ResultsSchema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${path} is not a bench results file: ${parsed.error.message}`);
  return parsed.data;
}

const key = (r: Pick<BenchRow, 'benchmark' | 'metric'>) => `${r.benchmark}\u0000${r.metric}`;

/**
 * New against old, one line per row both runs have (Inloop's value, then each peer's): the
 * ratio new / old, and whether that is better or worse given the row's direction.
 */
export function compareResults(old: Results, now: Results): string {
  const before = new Map(old.rows.map((r) => [key(r), r]));
  const cells: string[][] = [];
  const verdict = (row: BenchRow, a: number, b: number) => {
    if (a === b) return 'same';
    const better = row.better === 'higher' ? b > a : b < a;
    return better ? 'better' : 'worse';
  };
  for (const row of now.rows) {
    const was = before.get(key(row));
    if (!was) continue;
    const figures: [string, number | null, number | null][] = [
      ['Inloop', was.value, row.value],
      ...(row.peers ?? []).map((p): [string, number | null, number | null] => [
        p.name,
        was.peers?.find((q) => q.name === p.name)?.value ?? null,
        p.value,
      ]),
    ];
    for (const [who, a, b] of figures) {
      if (a === null || b === null) continue;
      cells.push([
        row.benchmark,
        row.metric,
        who,
        `${fmt(a)} ${row.unit}`,
        `${fmt(b)} ${row.unit}`,
        a === 0 ? '' : `${fmt(b / a)}×`,
        verdict(row, a, b),
      ]);
    }
  }
  const header = [
    'benchmark',
    'metric',
    'who',
    old.at.slice(0, 16),
    now.at.slice(0, 16),
    'new/old',
    '',
  ];
  const missing = old.rows.filter((r) => !now.rows.some((n) => key(n) === key(r))).length;
  const table = grid(header, cells);
  return missing ? `${table}\n\n${missing} row(s) of the old run are not in this one.` : table;
}
