/** Moving focus between the shell's regions (elements marked `data-region`). */
import { isRegionId, type RegionId } from '../panels/panel-ids';

/** Focus the region `id` and bring it into view; false when it is not on screen. */
export function focusRegion(id: RegionId): boolean {
  const element = document.querySelector<HTMLElement>(`[data-region="${id}"]`);
  if (!element) return false;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: 'nearest' });
  return true;
}

/** The region that holds `element`, or null outside all of them. */
export function regionOf(element: Element | null): RegionId | null {
  const region = element?.closest('[data-region]')?.getAttribute('data-region');
  return isRegionId(region) ? region : null;
}
