/**
 * Whether a soak run passed, from its samples (pure): after the warm-up, RSS must not end more
 * than 10 % above where it started, no handle type or listener gauge may keep growing, the
 * event loop's p99 delay must stay within 50 ms in every sample, and no request may fail.
 */

/** One minute of a soak run. */
export interface SoakSample {
  /** Minutes since the start. */
  readonly minute: number;
  /** RSS of the serve process, MiB (its worker processes apart). */
  readonly rss: number;
  /** RSS of the serve process's worker processes (the embedder), MiB. */
  readonly workersRss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  /** Active handles and requests by type. */
  readonly handles: Readonly<Record<string, number>>;
  /** Listener and connection gauges. */
  readonly gauges: Readonly<Record<string, number>>;
  readonly loopP50: number;
  readonly loopP99: number;
  readonly loopMax: number;
  /** Totals so far. */
  readonly requests: number;
  readonly errors: number;
  readonly conversations: number;
  readonly turns: number;
  readonly audioSeconds: number;
  readonly transcribedSeconds: number;
}

export interface SoakLimits {
  /** Samples left out at the start (models loading, caches filling). */
  readonly warmUp: number;
  /** Largest allowed RSS growth after the warm-up, as a fraction (0.1 = 10 %). */
  readonly rssGrowth: number;
  readonly loopP99Ms: number;
}

export const DEFAULT_LIMITS: SoakLimits = { warmUp: 3, rssGrowth: 0.1, loopP99Ms: 50 };

/** One failed check, said plainly. */
export interface SoakProblem {
  readonly check: 'rss' | 'growing' | 'event-loop' | 'errors' | 'samples';
  readonly message: string;
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : s[Math.floor((s.length - 1) / 2)]!;
};

/**
 * True when `series` keeps growing: it rises by at least 3 and by a quarter over the run, with
 * three steps in four not going down, and ends at its highest. Counts that go up and down with
 * the traffic (sockets in flight, timers) do not.
 */
export function keepsGrowing(series: readonly number[]): boolean {
  if (series.length < 3) return false;
  const first = series[0]!;
  const last = series.at(-1)!;
  const rise = last - first;
  if (rise < Math.max(3, first * 0.25) || last < Math.max(...series)) return false;
  let notDown = 0;
  for (let i = 1; i < series.length; i++) if (series[i]! >= series[i - 1]!) notDown++;
  return notDown >= 0.75 * (series.length - 1);
}

/** Total RSS growth after the warm-up: the median of the last two samples over the first two. */
export function rssGrowth(samples: readonly SoakSample[]): number {
  const start = median(samples.slice(0, 2).map((s) => s.rss));
  const end = median(samples.slice(-2).map((s) => s.rss));
  return end / start - 1;
}

export function judgeSoak(
  samples: readonly SoakSample[],
  limits: SoakLimits = DEFAULT_LIMITS,
  failedRequests: readonly string[] = [],
): SoakProblem[] {
  const problems: SoakProblem[] = [];
  const after = samples.slice(limits.warmUp);
  if (after.length < 3) {
    problems.push({
      check: 'samples',
      message: `only ${after.length} sample(s) after the warm-up of ${limits.warmUp}: run longer to judge`,
    });
  } else {
    const growth = rssGrowth(after);
    if (growth > limits.rssGrowth) {
      problems.push({
        check: 'rss',
        message: `RSS grew ${(growth * 100).toFixed(1)} % after the warm-up (${after[0]!.rss.toFixed(0)} → ${after.at(-1)!.rss.toFixed(0)} MiB; limit ${limits.rssGrowth * 100} %)`,
      });
    }
    const names = (pick: (s: SoakSample) => Readonly<Record<string, number>>) =>
      [...new Set(after.flatMap((s) => Object.keys(pick(s))))].sort();
    const series: [string, number[]][] = [
      ['handles (all)', after.map((s) => Object.values(s.handles).reduce((a, b) => a + b, 0))],
      ...names((s) => s.handles).map((n): [string, number[]] => [
        `handle ${n}`,
        after.map((s) => s.handles[n] ?? 0),
      ]),
      ...names((s) => s.gauges).map((n): [string, number[]] => [
        n,
        after.map((s) => s.gauges[n] ?? 0),
      ]),
    ];
    for (const [name, values] of series) {
      if (keepsGrowing(values)) {
        problems.push({
          check: 'growing',
          message: `${name} keeps growing: ${values.join(' → ')}`,
        });
      }
    }
    const slow = after.filter((s) => s.loopP99 > limits.loopP99Ms);
    if (slow.length > 0) {
      problems.push({
        check: 'event-loop',
        message: `event-loop delay p99 above ${limits.loopP99Ms} ms in ${slow.length} sample(s): ${slow.map((s) => `minute ${s.minute.toFixed(0)}: ${s.loopP99.toFixed(0)} ms`).join(', ')}`,
      });
    }
  }
  if (failedRequests.length > 0) {
    problems.push({
      check: 'errors',
      message: `${failedRequests.length} request(s) failed; first: ${failedRequests.slice(0, 3).join(' | ')}`,
    });
  }
  return problems;
}
