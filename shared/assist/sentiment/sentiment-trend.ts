/**
 * Where the customer's mood is heading: the mean of the latest scores against the mean of the
 * earlier ones. Agent turns (NaN) are ignored; a change under 0.2 is "steady".
 */

/** How far the means must move to count as a change. */
export const TREND_DELTA = 0.2;

/** 'improving', 'worsening' or 'steady' over per-turn scores, oldest first (NaN skipped). */
export function sentimentTrend(scores: readonly number[]): 'improving' | 'steady' | 'worsening' {
  const s = scores.filter((x) => Number.isFinite(x));
  if (s.length < 2) return 'steady';
  const recent = Math.max(1, Math.floor(s.length / 3));
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const delta = mean(s.slice(-recent)) - mean(s.slice(0, -recent));
  if (delta >= TREND_DELTA) return 'improving';
  if (delta <= -TREND_DELTA) return 'worsening';
  return 'steady';
}
