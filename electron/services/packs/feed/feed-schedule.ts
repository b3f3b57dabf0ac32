/**
 * When to ask a feed again: at the poll interval while it answers; after a failure (offline,
 * server down) sooner at first, then backing off: 1, 2, 4, 8 … minutes, never longer than the
 * poll interval. A tenth of jitter keeps a fleet of devices from asking at the same second.
 */

/** The first retry after a failure. */
export const FIRST_RETRY_MS = 60_000;

/** Milliseconds until the next check; `random` in [0, 1). Pure. */
export function nextCheckDelay(failures: number, pollMs: number, random: number): number {
  const base =
    failures <= 0 ? pollMs : Math.min(pollMs, FIRST_RETRY_MS * 2 ** Math.min(failures - 1, 20));
  return Math.round(base * (0.9 + 0.2 * random));
}
