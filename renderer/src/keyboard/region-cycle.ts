/** F6 / Shift+F6: the next focus stop among the shell's regions, wrapping at both ends. */
import type { RegionId } from '../panels/panel-ids';

/**
 * The region after (`direction` 1) or before (-1) `current`. From outside every region,
 * F6 starts at the first and Shift+F6 at the last.
 */
export function nextRegion(
  order: readonly RegionId[],
  current: RegionId | null,
  direction: 1 | -1,
): RegionId | undefined {
  if (order.length === 0) return undefined;
  const index = current === null ? -1 : order.indexOf(current);
  if (index === -1) return direction === 1 ? order[0] : order[order.length - 1];
  return order[(index + direction + order.length) % order.length];
}
