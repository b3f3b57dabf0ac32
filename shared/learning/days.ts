/** Calendar days (UTC) as the learned state and the team report count them. */

/** `YYYY-MM-DD` of `at` (ms since the epoch), in UTC. */
export function toDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
