/** A fake `screen`: displays the test sets up, plugged and unplugged at will. */
import type {
  DisplayLike,
  Rectangle,
  ScreenLike,
} from '../../electron/hosts/electron-main/electron-deps';
import { intersection } from '../../electron/hosts/electron-main/window-state';
import { FakeEmitter } from './fake-emitter';

/** A display at `bounds` whose work area leaves `taskbar` pixels at the bottom. */
export function display(id: number, bounds: Rectangle, taskbar = 40): DisplayLike {
  return { id, bounds, workArea: { ...bounds, height: bounds.height - taskbar } };
}

export const laptop = display(1, { x: 0, y: 0, width: 1440, height: 900 });
export const monitor = display(2, { x: 1440, y: 0, width: 2560, height: 1440 });

export class FakeScreen extends FakeEmitter implements ScreenLike {
  /** The first display is the primary one. */
  constructor(private displays: DisplayLike[] = [laptop]) {
    super();
  }

  getAllDisplays(): DisplayLike[] {
    return [...this.displays];
  }
  getPrimaryDisplay(): DisplayLike {
    const primary = this.displays[0];
    if (!primary) throw new Error('FakeScreen has no displays');
    return primary;
  }
  /** The display the rectangle overlaps most, else the primary (as Electron does). */
  getDisplayMatching(rect: Rectangle): DisplayLike {
    let best = this.getPrimaryDisplay();
    let bestArea = 0;
    for (const d of this.displays) {
      const overlap = intersection(rect, d.bounds);
      const area = overlap.width * overlap.height;
      if (area > bestArea) {
        best = d;
        bestArea = area;
      }
    }
    return best;
  }

  /** Replace the displays (plug/unplug) and tell listeners, as Electron would. */
  setDisplays(displays: DisplayLike[]): void {
    const removed = this.displays.some((d) => !displays.includes(d));
    this.displays = displays;
    this.emit(removed ? 'display-removed' : 'display-added');
  }
}
