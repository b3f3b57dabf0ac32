/** The soak's samples as a table for the terminal and as CSV (every field, handles by type). */
import { grid } from '../table';
import type { SoakSample } from './verdict';

const f0 = (n: number) => n.toFixed(0);
const f1 = (n: number) => n.toFixed(1);
const total = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);

export function curveTable(samples: readonly SoakSample[], warmUp: number): string {
  const header = [
    'min',
    'RSS MiB',
    'workers MiB',
    'heap used',
    'heap total',
    'handles',
    'bus listeners',
    'sockets',
    'loop p99 ms',
    'conversations',
    'turns',
    'audio min',
    'transcribed min',
    'requests',
    'errors',
  ];
  const cells = samples.map((s, i) => [
    `${f1(s.minute)}${i < warmUp ? ' (warm-up)' : ''}`,
    f0(s.rss),
    f0(s.workersRss),
    f1(s.heapUsed),
    f1(s.heapTotal),
    f0(total(s.handles)),
    f0(s.gauges['event-bus listeners'] ?? 0),
    f0(s.gauges['web sockets'] ?? 0),
    f1(s.loopP99),
    f0(s.conversations),
    f0(s.turns),
    f1(s.audioSeconds / 60),
    f1(s.transcribedSeconds / 60),
    f0(s.requests),
    f0(s.errors),
  ]);
  return grid(header, cells);
}

export function curveCsv(samples: readonly SoakSample[]): string {
  const handleTypes = [...new Set(samples.flatMap((s) => Object.keys(s.handles)))].sort();
  const gaugeNames = [...new Set(samples.flatMap((s) => Object.keys(s.gauges)))].sort();
  const quote = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const header = [
    'minute',
    'rss_mib',
    'workers_rss_mib',
    'heap_used_mib',
    'heap_total_mib',
    'external_mib',
    'loop_p50_ms',
    'loop_p99_ms',
    'loop_max_ms',
    'requests',
    'errors',
    'conversations',
    'turns',
    'audio_seconds',
    'transcribed_seconds',
    ...handleTypes.map((t) => `handles:${t}`),
    ...gaugeNames.map((g) => `gauge:${g}`),
  ];
  const rows = samples.map((s) =>
    [
      f1(s.minute),
      f1(s.rss),
      f1(s.workersRss),
      f1(s.heapUsed),
      f1(s.heapTotal),
      f1(s.external),
      f1(s.loopP50),
      f1(s.loopP99),
      f1(s.loopMax),
      s.requests,
      s.errors,
      s.conversations,
      s.turns,
      f1(s.audioSeconds),
      f1(s.transcribedSeconds),
      ...handleTypes.map((t) => s.handles[t] ?? 0),
      ...gaugeNames.map((g) => s.gauges[g] ?? 0),
    ].map(String),
  );
  return [header, ...rows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
}
