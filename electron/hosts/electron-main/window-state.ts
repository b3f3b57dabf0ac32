/**
 * Where the overlay window goes: pure decisions over rectangles and displays.
 *
 * Floating bounds are remembered per display, keyed by display id and work-area size (an
 * agent who docks a laptop to a monitor gets the position back for each setup). They are
 * restored only while the saved rectangle is still visible on that display; otherwise the
 * window is centred on the primary display, so it never opens off-screen.
 */
import type { DisplayLike, Rectangle } from './electron-deps';

export interface Size {
  width: number;
  height: number;
}

export interface WindowState {
  /** The display the window was last on, as a `displayKey`. */
  lastDisplay: string | null;
  /** Floating bounds per `displayKey`. */
  displays: Record<string, Rectangle>;
}

export const emptyWindowState: WindowState = { lastDisplay: null, displays: {} };

/** How much of the window must be on a display for it to count as visible (grab room). */
export const MIN_VISIBLE: Size = { width: 64, height: 32 };

/** The key under which bounds are remembered for a display. */
export function displayKey(display: DisplayLike): string {
  return `${display.id}:${display.workArea.width}x${display.workArea.height}`;
}

/** The state with `bounds` remembered for `display` (which becomes the last display). */
export function rememberBounds(
  state: WindowState,
  display: DisplayLike,
  bounds: Rectangle,
): WindowState {
  const key = displayKey(display);
  return { lastDisplay: key, displays: { ...state.displays, [key]: { ...bounds } } };
}

/** The overlap of two rectangles (zero-sized when they do not meet). */
export function intersection(a: Rectangle, b: Rectangle): Size {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** True when enough of `rect` lies in `area` for the agent to see and grab it. */
export function isVisibleIn(rect: Rectangle, area: Rectangle): boolean {
  const overlap = intersection(rect, area);
  return (
    overlap.width >= Math.min(MIN_VISIBLE.width, rect.width) &&
    overlap.height >= Math.min(MIN_VISIBLE.height, rect.height)
  );
}

const clampNumber = (value: number, low: number, high: number): number =>
  Math.min(Math.max(value, low), Math.max(low, high));

/** `rect` made at least `minSize`, at most the work area, and moved fully inside it. */
export function clampToWorkArea(rect: Rectangle, workArea: Rectangle, minSize: Size): Rectangle {
  const width = clampNumber(rect.width, Math.min(minSize.width, workArea.width), workArea.width);
  const height = clampNumber(
    rect.height,
    Math.min(minSize.height, workArea.height),
    workArea.height,
  );
  return {
    x: clampNumber(rect.x, workArea.x, workArea.x + workArea.width - width),
    y: clampNumber(rect.y, workArea.y, workArea.y + workArea.height - height),
    width,
    height,
  };
}

/** A rectangle of `size` centred in `workArea` (and clamped to it). */
export function centredIn(workArea: Rectangle, size: Size, minSize: Size): Rectangle {
  const rect = {
    x: Math.round(workArea.x + (workArea.width - size.width) / 2),
    y: Math.round(workArea.y + (workArea.height - size.height) / 2),
    ...size,
  };
  return clampToWorkArea(rect, workArea, minSize);
}

export interface RestoreInputs {
  state: WindowState;
  displays: readonly DisplayLike[];
  primary: DisplayLike;
  defaultSize: Size;
  minSize: Size;
}

/**
 * The floating bounds to open with: the saved bounds of the last display (else of any
 * current display that has some) while still visible there, else centred on the primary.
 */
export function restoreBounds(inputs: RestoreInputs): Rectangle {
  const { state, displays, primary, defaultSize, minSize } = inputs;
  const keys = [state.lastDisplay, ...displays.map(displayKey)];
  for (const key of keys) {
    if (key === null) continue;
    const display = displays.find((d) => displayKey(d) === key);
    const saved = state.displays[key];
    if (display && saved && isVisibleIn(saved, display.workArea)) {
      return clampToWorkArea(saved, display.workArea, minSize);
    }
  }
  return centredIn(primary.workArea, defaultSize, minSize);
}

export type DockSide = 'left' | 'right';

/**
 * The docked side panel: the full work-area height at the chosen edge. The width is the
 * window's current width, between `minWidth` and half the work area.
 */
export function dockBounds(
  workArea: Rectangle,
  side: DockSide,
  width: number,
  minWidth: number,
): Rectangle {
  const dockWidth = clampNumber(
    Math.round(width),
    Math.min(minWidth, workArea.width),
    Math.max(minWidth, Math.floor(workArea.width / 2)),
  );
  const panelWidth = Math.min(dockWidth, workArea.width);
  return {
    x: side === 'left' ? workArea.x : workArea.x + workArea.width - panelWidth,
    y: workArea.y,
    width: panelWidth,
    height: workArea.height,
  };
}
